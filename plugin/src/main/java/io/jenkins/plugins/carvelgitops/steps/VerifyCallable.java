package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.CommitNames;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.Verification;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyPlanner;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;

/**
 * The wait itself, on the agent that holds the workspace. Plans one engine request per commit to
 * verify ({@link VerifyPlans}) from the config and the GitOps repository's history (the local folder,
 * or a remote one fetched in full through git-client into a scratch folder under {@code <workspace>@tmp},
 * deleted afterwards), starts them with
 * the engine's {@link Verifier} and blocks this agent thread on their results; the controller holds
 * no thread meanwhile. An interrupt (the step's {@code stop}) cancels every wait, which closes the
 * watches. Kubeconfigs and the Git credential are carried in memory only.
 */
final class VerifyCallable extends MasterToSlaveCallable<VerifyOutcome, IOException> {

    private static final long serialVersionUID = 1L;

    /** The least time an engine wait gets, so a resumed step past its deadline still takes one look. */
    static final Duration MINIMUM_WAIT = Duration.ofSeconds(1);

    private final String workspace;
    private final ConfigInputs inputs;
    private final VerifyTargets targets;
    private final long deadlineMillis;
    private final boolean reconcile;
    private final String buildKubeconfig;
    private final LinkedHashMap<String, String> stageKubeconfigs;
    private final StandardUsernamePasswordCredentials git;
    private final GitSettings settings;
    private final TaskListener listener;

    VerifyCallable(String workspace, ConfigInputs inputs, VerifyTargets targets, long deadlineMillis,
            boolean reconcile, String buildKubeconfig, LinkedHashMap<String, String> stageKubeconfigs,
            StandardUsernamePasswordCredentials git, GitSettings settings, TaskListener listener) {
        this.workspace = workspace;
        this.inputs = inputs;
        this.targets = targets;
        this.deadlineMillis = deadlineMillis;
        this.reconcile = reconcile;
        this.buildKubeconfig = buildKubeconfig;
        this.stageKubeconfigs = new LinkedHashMap<>(stageKubeconfigs);
        this.git = git;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public VerifyOutcome call() throws IOException {
        ConsoleProgress progress = new ConsoleProgress(listener.getLogger());
        Path ws = Path.of(workspace);
        Path configFile = inputs.resolve(ws);
        try {
            GitopsConfig config = ConfigLoader.load(configFile, inputs.config(), inputs.toEngine(configFile));
            try (VerifyClone clone = clone(config, ws, progress)) {
                GitopsHistory history = history(config, configFile, clone);
                String head = history.head(config.repository().branch()).orElse(null);
                LinkedHashMap<String, List<String>> groups = VerifyPlans.byRevision(targets,
                        rev -> CommitNames.resolve(history, head, rev));
                List<VerifyRequest> requests = plan(config, history, groups);
                return await(requests, history, progress);
            }
        } catch (ValidationException | ClusterException | GitopsGitException e) {
            throw new AbortException(StepSpelling.message(e));
        } catch (IllegalArgumentException e) {
            // an empty kubeconfig: the message says so, never a secret
            throw new AbortException("fluxVerify: " + e.getMessage());
        }
    }

    /**
     * The local repository folder, or for a remote one the whole history fetched through git-client (as
     * publishing fetches: same credential, same Git settings) into a folder under {@code <workspace>@tmp}
     * that {@code clone} deletes when the verify ends.
     */
    private static GitopsHistory history(GitopsConfig config, Path configFile, VerifyClone clone) {
        return GitopsHistories.open(config, configFile, clone);
    }

    private VerifyClone clone(GitopsConfig config, Path ws, ProgressListener progress) {
        return new VerifyClone(() -> GitClientRemote.openFullHistory(config.repository().url(),
                config.repository().branch(), Repositories.scratchFolder(ws), git, settings, listener, progress));
    }

    private List<VerifyRequest> plan(GitopsConfig config, GitopsHistory history,
            LinkedHashMap<String, List<String>> groups) {
        KubeconfigAuth build = new KubeconfigAuth(buildKubeconfig);
        Duration timeout = remaining(deadlineMillis, System.currentTimeMillis());
        List<VerifyRequest> requests = new ArrayList<>();
        groups.forEach((revision, stages) -> {
            Map<String, KubeconfigAuth> kubeconfigs = new LinkedHashMap<>();
            stages.stream().filter(stageKubeconfigs::containsKey)
                    .forEach(s -> kubeconfigs.put(s, new KubeconfigAuth(stageKubeconfigs.get(s))));
            // stages without a kubeconfig credential read the <stage>-kubeconfig Secret bootstrap wrote
            VerifyRequest planned = VerifyPlanner.plan(config, history, VerifyPlanner.Options.builder(build, timeout)
                    .revision(revision).stages(stages).kubeconfigs(kubeconfigs).reconcile(reconcile)
                    .kubeconfigFromSecret(true).build());
            requests.add(VerifyPlans.withRecordedVersions(planned, targets));
        });
        return requests;
    }

    static Duration remaining(long deadlineMillis, long nowMillis) {
        Duration left = Duration.ofMillis(deadlineMillis - nowMillis);
        return left.compareTo(MINIMUM_WAIT) < 0 ? MINIMUM_WAIT : left;
    }

    /** Starts every request, then blocks this (agent) thread until all have ended or it is interrupted. */
    private VerifyOutcome await(List<VerifyRequest> requests, GitopsHistory history, ProgressListener progress)
            throws IOException {
        try (Verification verification = Verification.start(requests, history, progress)) {
            return VerifyOutcome.of(verification.await());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException aborted = new InterruptedIOException("fluxVerify: aborted; the watches are closed");
            aborted.initCause(e);
            throw aborted;
        } catch (IllegalStateException e) {
            throw new IOException("fluxVerify: " + e.getMessage(), e.getCause());
        }
    }

    @Override
    public String toString() {
        return "fluxVerify " + targets.describe();
    }
}
