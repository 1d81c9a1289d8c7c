package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.report.VerifyReports;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.Verification;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyPlanner;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyResults;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Wait until Flux has applied the commit and each stage's PackageInstall runs the version it pins.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Mixin
    RemoteAccessOptions remote;

    @Option(names = "--stage", paramLabel = "NAME", split = ",",
            description = "A stage to verify (repeatable, or a comma list; default: every stage whose folder exists "
                    + "at the revision).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--revision", paramLabel = "SHA",
            description = "The commit to wait for, full or abbreviated (default: the head of repository.branch).")
    String revision;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m",
            description = "How long to wait, like 90s, 5m or 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--no-reconcile", description = "Do not ask Flux to reconcile now; wait for its interval.")
    boolean noReconcile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        Duration wait = parseTimeout(timeout);
        GitopsConfig config = ConfigLoader.load(common.config, common.config.toString(), common.configOverrides());
        GitopsHistory history = clusters.history(config, common.config,
                config.repository().isLocalPath() ? null : remote.remoteOptions(progress), progress);
        VerifyRequest request = VerifyPlanner.plan(config, history, VerifyPlanner.Options.builder(
                clusters.buildCluster(), wait).revision(revision).stages(stages).kubeconfigs(clusters.stageKubeconfigs())
                .reconcile(!noReconcile).kubeconfigFromSecret(clusters.kubeconfigSecrets).build());
        requireKubeconfigs(request);
        VerifyReport report;
        Thread onInterrupt = null;
        try (Verification verification = Verification.start(List.of(request), history, progress)) {
            onInterrupt = new Thread(verification::cancel, "carvel-gitops-verify-cancel");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            report = verification.await().get(request);
        } finally {
            removeHook(onInterrupt);
        }
        if (common.output == CommonOptions.Output.json) {
            out.println(Json.write(VerifyResults.of(Map.of(request, report)).toDocument().map()));
        } else {
            out.print(VerifyReports.text(report));
        }
        out.flush();
        return switch (report.outcome()) {
            case READY -> ExitCodes.OK;
            case TIMED_OUT -> ExitCodes.TIMED_OUT;
            // a cluster that cannot be reached is no controller's failure
            default -> report.controllerFailed() ? ExitCodes.FAILED : ExitCodes.GIT_OR_IO;
        };
    }

    /** Every stage needs a run-cluster kubeconfig before the wait starts: a missing one is invalid input. */
    private void requireKubeconfigs(VerifyRequest request) {
        if (clusters.kubeconfigSecrets) {
            return;
        }
        for (VerifyRequest.StageTarget stage : request.stages()) {
            if (stage.kubeconfig() == null) {
                throw ValidationException.of("--stage-kubeconfig", stage.stage(), "no kubeconfig for stage "
                        + stage.stage(), "pass --stage-kubeconfig " + stage.stage() + "=FILE, or --kubeconfig-secrets "
                        + "to read Secret " + stage.stage() + "-kubeconfig from the build cluster");
            }
        }
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook cancels the wait
        }
    }

    static Duration parseTimeout(String value) {
        if (!FluxDuration.isValid(value) || FluxDuration.parse(value).isZero()) {
            throw ValidationException.of("--timeout", value, "is not a duration like 90s, 5m or 1h",
                    "write it the way Flux does, e.g. --timeout 10m");
        }
        return FluxDuration.parse(value);
    }
}
