package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.promote.SourceNotLiveException;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestPromoteService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

// No standard help mixin: its --version would clash with the old spelling of --package-version.
@Command(name = "promote",
        description = "Pin the version one stage runs in the next stage (or roll a stage back), as one commit.")
final class PromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    RemoteAccessOptions remote;

    @Mixin
    PushOptions push = new PushOptions();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--to", paramLabel = "STAGE", required = true, description = "The stage to change.")
    String to;

    @Option(names = "--from", paramLabel = "STAGE",
            description = "The stage whose pinned version moves (default: the stage before --to).")
    String from;

    @Option(names = "--package-version", paramLabel = "VERSION",
            description = "Promote this stored Package version instead of reading --from.")
    String version;

    /** Set when the old spelling was used: it reads like the usual -V/--version. */
    private boolean deprecatedVersionOption;

    @Option(names = "--version", paramLabel = "VERSION", hidden = true)
    void deprecatedVersion(String value) {
        version = value;
        deprecatedVersionOption = true;
    }

    @Option(names = "--allow-downgrade",
            description = "Allow moving --to to a lower version (a rollback); adds packaging.carvel.dev/downgradable.")
    boolean allowDowngrade;

    @Option(names = "--message", paramLabel = "TEXT", description = "Commit message subject.")
    String message;

    @Mixin
    DryRunOptions dryRun = new DryRunOptions();

    @Option(names = "--require-live",
            description = "Promote only what the source stage really runs: its PackageInstall must report "
                    + "ReconcileSucceeded at the version (read with --stage-kubeconfig FROM=FILE).")
    boolean requireLive;

    @Option(names = "--stage-kubeconfig", paramLabel = "NAME=FILE",
            description = "A stage's run-cluster kubeconfig (repeatable); --require-live reads the source stage's.")
    java.util.List<String> stageKubeconfigs = new java.util.ArrayList<>();

    @Option(names = "--pull-request",
            description = "Open (or update) a pull request from branch carvel-gitops/<package>/<stage>/<version> "
                    + "instead of pushing to repository.branch (always so for a stage with pullRequest: true).")
    boolean pullRequest;

    @Option(names = "--wait-merge", paramLabel = "DURATION",
            description = "With a pull request: wait until it is merged (exit 0), closed (exit 4) or this long "
                    + "has passed (exit 5), like 30m or 2h.")
    String waitMerge;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        push.applyTo(remote);
        if (deprecatedVersionOption) {
            progress().warning("promote --version is deprecated and will be removed; use --package-version " + version);
        }
        StderrProgress progress = progress();
        dryRun.check();
        PromoteJob job = PromoteJob.builder(common.config).overrides(common.configOverrides()).from(from).to(to)
                .version(version).allowDowngrade(allowDowngrade).message(message).dryRun(dryRun.dryRun)
                .requireLive(requireLive ? new LiveGate(stageKubeconfigs) : null).build();
        Path base = job.configFile().toAbsolutePath().getParent();
        PromoteService service = new PromoteService(config -> remote.open(config, base, progress), progress);
        java.time.Duration wait = PullRequestPromotionRun.parseWait(waitMerge);
        boolean viaPullRequest = PullRequestPromoteService.wanted(job, pullRequest);
        if (wait != null && !viaPullRequest) {
            throw io.jenkins.plugins.carvelgitops.engine.validate.ValidationException.of("--wait-merge", waitMerge,
                    "waits for a pull request, but this promotion pushes directly", "add --pull-request");
        }
        try {
            return viaPullRequest ? PullRequestPromotionRun.run(job, remote, wait,
                    common.output == CommonOptions.Output.json, out, progress) : direct(service, job, out);
        } catch (SourceNotLiveException e) {
            // not a bad request: the same one succeeds once the source stage runs the version
            progress.failure(ErrorHandler.spelled(e.getMessage()));
            return ExitCodes.FAILED;
        }
    }

    private int direct(PromoteService service, PromoteJob job, PrintWriter out) {
        PromoteOutcome outcome = service.run(job);
        if (common.output == CommonOptions.Output.json) {
            out.println(Json.write(outcome.toDocument().map()));
        } else {
            printText(out, outcome);
        }
        out.flush();
        return dryRun.exitCode(!outcome.commit().changes().isEmpty());
    }

    private StderrProgress progress() {
        return new StderrProgress(spec.commandLine().getErr());
    }

    private static void printText(PrintWriter out, PromoteOutcome o) {
        CommitResult commit = o.commit();
        String what = o.downgrade() ? "roll back " + o.packageName() + " in " + o.to() + " to " + o.version()
                : "promote " + o.packageName() + " " + o.version() + (o.from() == null ? "" : " from " + o.from())
                        + " to " + o.to();
        String was = o.previous() == null ? " (new stage)" : " (was " + o.previous() + ")";
        if (o.dryRun()) {
            out.print(commit.diff());
            out.println("dry run: " + what + was + ": " + Counts.of(commit.changes().size(), "file") + " would change; nothing "
                    + "written");
        } else if (!commit.changed()) {
            out.println("no change: " + o.to() + " already pins " + o.packageName() + " " + o.version()
                    + (commit.sha() == null ? "" : " (head " + commit.shortSha() + ")"));
        } else {
            String done = o.downgrade() ? "rolled back " + o.packageName() + " in " + o.to() + " to " + o.version()
                    : "promoted " + o.packageName() + " " + o.version() + (o.from() == null ? "" : " from "
                            + o.from()) + " to " + o.to();
            out.println(done + was + "; committed " + commit.shortSha());
        }
    }
}
