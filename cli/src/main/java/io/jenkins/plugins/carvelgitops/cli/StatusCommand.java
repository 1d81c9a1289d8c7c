package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotionsReader;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestSettings;
import io.jenkins.plugins.carvelgitops.engine.report.OpenPromotionReports;
import io.jenkins.plugins.carvelgitops.engine.report.StatusPage;
import io.jenkins.plugins.carvelgitops.engine.report.StatusReports;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show, per stage, the version Git pins and, with --kubeconfig, what runs: Flux's "
                + "Kustomizations and the PackageInstall, as ready, progressing, failed or unknown.",
                "With a token (GIT_TOKEN or --token-file) and a repository on GitHub, GitLab or Gitea, also the "
                        + "open promotion pull requests of each stage.",
                "Reads only; exits 0 whatever the stages' states."})
final class StatusCommand implements Callable<Integer> {

    enum Output { text, json, html }

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions common = new ConfigOptions();

    @Mixin
    RunClusterOptions clusters = new RunClusterOptions();

    @Mixin
    RemoteAccessOptions remote;

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The build cluster's kubeconfig (the one Flux runs on); without it, Git only.")
    Path kubeconfig;

    @Option(names = "--stage", paramLabel = "NAME", split = ",",
            description = "Show only this stage (repeatable, or a comma list; default: every stage of the config).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--output", paramLabel = "text|json|html", defaultValue = "text",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); html is one "
                    + "self-contained page.")
    Output output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        GitopsConfig config = onlyStages(ConfigLoader.load(common.config, common.config.toString(),
                common.configOverrides()));
        RemoteOptions remoteOptions = config.repository().isLocalPath() ? null : remote.remoteOptions(progress);
        GitopsHistory history = clusters.history(config, common.config, remoteOptions, progress);
        Map<String, KubeconfigAuth> runs = new java.util.LinkedHashMap<>(clusters.stageKubeconfigs());
        runs.keySet().removeIf(stage -> config.stage(stage).isEmpty() && !stages.isEmpty());
        if (kubeconfig == null && (!runs.isEmpty() || clusters.kubeconfigSecrets)) {
            throw ValidationException.of("--kubeconfig", "", "is required with --stage-kubeconfig or "
                    + "--kubeconfig-secrets", "pass the build cluster's kubeconfig, where Flux runs");
        }
        StatusReport report;
        if (kubeconfig == null) {
            report = new StatusService(StatusService.Clusters.NONE, Clock.systemUTC())
                    .read(StatusRequest.gitOnly(config, history));
        } else {
            KubeconfigAuth build = RunClusterOptions.read(kubeconfig, "--kubeconfig");
            try (KubeClients kube = new KubeClients()) {
                report = new StatusService(kube, Clock.systemUTC()).read(new StatusRequest(config, history, build,
                        runs, clusters.kubeconfigSecrets));
            }
        }
        OpenPromotions prs = openPromotions(config, remoteOptions);
        switch (output) {
            case json -> {
                Map<String, Object> doc = report.toDocument().put("pullRequests", prs.toDocument()).map();
                out.println(Json.write(doc));
            }
            case html -> out.print(StatusPage.html(report, prs));
            default -> {
                out.print(StatusReports.text(report));
                out.print(OpenPromotionReports.text(prs));
                if (!report.live()) {
                    out.println("(pass --kubeconfig, and --stage-kubeconfig NAME=FILE or --kubeconfig-secrets, "
                            + "to read the clusters)");
                }
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The open promotion pull requests of the stages shown, with the Git token; the note in this CLI's words. */
    private OpenPromotions openPromotions(GitopsConfig config, RemoteOptions remoteOptions) {
        String token = remoteOptions == null || remoteOptions.auth() == null ? null : remoteOptions.auth().token();
        PullRequestSettings settings = PullRequestSettings.read(common.config, common.config.toString(),
                common.configOverrides());
        OpenPromotions prs = OpenPromotionsReader.withToken(token).read(config, settings);
        return prs.withNote(CliSpelling.INSTANCE.spell(prs.note()));
    }

    /** The config with only the {@code --stage} stages, in the config's order; each must be one of its stages. */
    private GitopsConfig onlyStages(GitopsConfig config) {
        if (stages.isEmpty()) {
            return config;
        }
        for (String name : stages) {
            if (config.stage(name).isEmpty()) {
                throw ValidationException.of("--stage", name, "is not a stage of " + config.source(), "use one of: "
                        + String.join(", ", config.stages().stream().map(StageSpec::name).toList()));
            }
        }
        return new GitopsConfig(config.source(), config.packageName(), config.install(), config.packageFile(),
                config.shortenNames(), config.repository(), config.flux(), config.commit(),
                config.stages().stream().filter(s -> stages.contains(s.name())).toList());
    }
}
