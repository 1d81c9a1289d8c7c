package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.Future;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;

/**
 * The {@code fluxVerify} execution. The wait runs on the agent ({@link VerifyCallable}, started with
 * {@code callAsync}); the controller only looks at the outcome on short {@link Timer} ticks, so no
 * thread is held while Flux works. Persisted: the config inputs, the targets, the deadline, the
 * credential IDs and the repository URL the Git credential is matched against. {@link #stop} cancels the agent call (its watches end); {@link #onResume} starts the
 * wait again from the persisted targets with the time that is left.
 */
final class FluxVerifyExecution extends org.jenkinsci.plugins.workflow.steps.StepExecution {

    private static final long serialVersionUID = 1L;
    private static final long TICK_MILLIS = 2_000;

    private final transient VerifySettings settings;
    private ConfigInputs inputs;
    private VerifyTargets targets;
    private long deadlineMillis;
    private boolean reconcile;
    private String kubeconfigCredentialsId;
    private LinkedHashMap<String, String> stageCredentialIds;
    private String gitCredentialsId;
    private String repositoryUrl;

    private transient volatile Future<VerifyOutcome> call;
    private transient volatile ScheduledFuture<?> tick;

    FluxVerifyExecution(org.jenkinsci.plugins.workflow.steps.StepContext context, VerifySettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        CarvelGitopsGlobalConfiguration global = CarvelGitopsGlobalConfiguration.get();
        try {
            inputs = new ConfigInputs(StepParameters.configOrDefault(settings.getConfig()), global.configDefaults(),
                    new LinkedHashMap<>(settings.overrideMap()));
            targets = VerifyTargets.of(settings.stageList(), settings.checkedRevision(),
                    CarvelGitopsAction.of(run).pushedByStage());
            deadlineMillis = System.currentTimeMillis() + settings.timeoutDuration().toMillis();
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
        reconcile = settings.isReconcile();
        kubeconfigCredentialsId = settings.getKubeconfigCredentialsId() != null ? settings.getKubeconfigCredentialsId()
                : global.getKubeconfigCredentialsId();
        if (kubeconfigCredentialsId == null) {
            throw new AbortException("fluxVerify needs the build cluster's kubeconfig: set kubeconfigCredentialsId "
                    + "or the build cluster kubeconfig in Manage Jenkins \u2192 System \u2192 Carvel GitOps");
        }
        stageCredentialIds = new LinkedHashMap<>();
        for (String stage : targets.stages()) {
            String id = global.stageKubeconfig(stage);
            if (id != null) {
                stageCredentialIds.put(stage, id);
            }
        }
        gitCredentialsId = global.getCredentialsId();
        repositoryUrl = VerifyRunner.repositoryUrl(inputs, global, run);
        getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + "verifying "
                + targets.describe() + " until " + Instant.ofEpochMilli(deadlineMillis));
        schedule(0);
        return false;
    }

    /** Starts the agent-side wait off the Pipeline thread, then polls it. */
    private void launch() {
        try {
            StepContextView c = StepContextView.of(getContext());
            LinkedHashMap<String, String> stageKubeconfigs = new LinkedHashMap<>();
            for (var e : stageCredentialIds.entrySet()) {
                stageKubeconfigs.put(e.getKey(), CredentialLookup.kubeconfig(c.run(), e.getValue()));
            }
            String build = CredentialLookup.kubeconfig(c.run(), kubeconfigCredentialsId);
            StandardUsernamePasswordCredentials git = gitCredentialsId == null ? null
                    : CredentialLookup.git(c.run(), gitCredentialsId, repositoryUrl);
            VirtualChannel channel = c.workspace().getChannel();
            if (channel == null) {
                throw new AbortException("the agent holding the workspace is offline");
            }
            call = channel.callAsync(new VerifyCallable(c.workspace().getRemote(), inputs, targets, deadlineMillis,
                    reconcile, build, stageKubeconfigs, git, c.listener()));
            schedule(TICK_MILLIS);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    /** One short look at the agent-side wait. */
    private void check() {
        Future<VerifyOutcome> f = call;
        if (f == null) {
            launch();
            return;
        }
        if (!f.isDone()) {
            schedule(TICK_MILLIS);
            return;
        }
        try {
            finish(f.get());
        } catch (ExecutionException e) {
            getContext().onFailure(e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void finish(VerifyOutcome outcome) throws Exception {
        StepContextView c = StepContextView.of(getContext());
        VerifyRunner.conclude("fluxVerify", outcome, c.run(), c.listener());
        getContext().onSuccess(StepResults.verify(outcome.getRevision(), outcome.getStages()));
    }

    private void schedule(long delayMillis) {
        tick = Timer.get().schedule(delayMillis == 0 ? this::launch : this::check, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
        Future<VerifyOutcome> f = call;
        if (f != null) {
            f.cancel(true);
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        call = null;
        schedule(0);
    }

    @Override
    public String getStatus() {
        if (targets == null) {
            return "starting";
        }
        return "waiting for Flux: " + targets.describe() + " until " + Instant.ofEpochMilli(deadlineMillis)
                + (call == null ? " (starting the watch)" : "");
    }

    /** The context objects a tick needs, fetched fresh each time (never persisted). */
    private record StepContextView(Run<?, ?> run, FilePath workspace, TaskListener listener) {
        static StepContextView of(org.jenkinsci.plugins.workflow.steps.StepContext c) throws Exception {
            FilePath ws = c.get(FilePath.class);
            if (ws == null) {
                throw new AbortException("fluxVerify must run inside node { }: it needs the workspace");
            }
            return new StepContextView(c.get(Run.class), ws, c.get(TaskListener.class));
        }
    }
}
