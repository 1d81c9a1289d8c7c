package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestRender;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render the GitOps layout for a Package, validate it, and commit it.")
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--package", paramLabel = "FILE",
            description = "The Package CR (default: packageFile from the config).")
    Path packageFile;

    @Option(names = "--stage", paramLabel = "NAME", split = ",",
            description = "A stage to render (repeatable, or a comma list; default: the first).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--message", paramLabel = "TEXT", description = "Commit message subject.")
    String message;

    @Mixin
    DryRunOptions dryRun = new DryRunOptions();

    @Option(names = "--retain", paramLabel = "N", defaultValue = "0",
            description = "Keep only the newest N stored Package versions, and every version a stage runs "
                    + "(default: keep all).")
    int retain;

    @Option(names = "--allow-downgrade",
            description = "Allow moving a stage to a lower version (a rollback); adds packaging.carvel.dev/downgradable.")
    boolean allowDowngrade;

    @Option(names = "--keep-version",
            description = "Re-render the stages from the config at the version each pins, reading the Package from "
                    + "the repository (<package>/packages/<version>.yaml): change values without --package.")
    boolean keepVersion;

    @Mixin
    RemoteAccessOptions remote;

    @Mixin
    PushOptions push = new PushOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        push.applyTo(remote);
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        dryRun.check();
        RenderJob job = new RenderJob(common.config, common.configOverrides(), packageFile, stages, message,
                dryRun.dryRun, retain, allowDowngrade, keepVersion);
        Path base = job.configFile().toAbsolutePath().getParent();
        Function<GitopsConfig, GitopsRepository> repositories = config -> remote.open(config, base, progress);
        PullRequestRender pullRequest = null;
        if (!dryRun.dryRun && PullRequestRender.wanted(job)) {
            // a stage with pullRequest: true: the render goes to a branch and a pull request
            String token = remote.remoteOptions(progress).auth() == null ? null
                    : remote.remoteOptions(progress).auth().token();
            pullRequest = new PullRequestRender(job, repositories, address -> PullRequestHosts.open(
                    address, token, "GIT_TOKEN (or --token-file)"), progress);
            repositories = pullRequest.repositories();
        }
        RenderOutcome outcome = new RenderService(repositories, progress).run(job);
        Map<String, Object> opened = pullRequest == null ? null : pullRequest.summary();
        if (common.output == CommonOptions.Output.json) {
            out.println(Json.write(pullRequest == null ? outcome.toDocument().map()
                    : pullRequest.toDocument(outcome).map()));
        } else {
            printText(out, outcome);
            if (opened != null) {
                out.println(opened.get("action") + " pull request #" + opened.get("number") + " " + opened.get("url")
                        + " (branch " + opened.get("branch") + ")");
            }
        }
        out.flush();
        return dryRun.exitCode(!outcome.commit().changes().isEmpty());
    }

    private static void printText(PrintWriter out, RenderOutcome outcome) {
        DeliveryPlan plan = outcome.plan();
        CommitResult commit = outcome.commit();
        if (outcome.dryRun()) {
            out.print(commit.diff());
            out.println("dry run: " + commit.changes().size() + " of " + Counts.of(plan.files().size(), "file") + " would change for "
                    + plan.summary() + "; nothing written");
            return;
        }
        String result = commit.changed() ? "committed " + commit.shortSha()
                : "no change" + (commit.sha() == null ? "" : " (head " + commit.shortSha() + ")");
        out.println("rendered " + Counts.of(plan.files().size(), "file") + " for " + plan.summary() + "; " + result);
    }
}
