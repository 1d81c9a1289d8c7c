package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.Future;
import hudson.remoting.RequestAbortedException;
import hudson.remoting.VirtualChannel;
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
 * thread is held while Flux works. Persisted: the {@link VerifyLaunch} (the config inputs, the targets, the
 * deadline, the credential IDs and the repository URL the Git credential is matched against), built the
 * same way as for the freestyle build step. {@link #stop} cancels the
 * agent call (its watches end). The wait starts again from the persisted targets with the time that is
 * left after a controller restart ({@link #onResume}) and after the agent disconnects (the call ends
 * with {@link RequestAbortedException}); while the agent is away the controller waits for it until the
 * deadline.
 */
final class FluxVerifyExecution extends org.jenkinsci.plugins.workflow.steps.StepExecution {

    private static final long serialVersionUID = 1L;
    private static final long TICK_MILLIS = 2_000;

    private final transient VerifySettings settings;
    private VerifyLaunch launch;
    /* The persisted form before VerifyLaunch: read once by readResolve from a step saved by an older version. */
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
    private transient volatile boolean awaitingAgent;

    FluxVerifyExecution(org.jenkinsci.plugins.workflow.steps.StepContext context, VerifySettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        if (getContext().get(FilePath.class) == null) {
            throw new AbortException("fluxVerify must run inside node { }: it needs the workspace");
        }
        launch = VerifyLaunch.of(settings, run, "fluxVerify needs the build cluster's kubeconfig: set "
                + "kubeconfigCredentialsId or the build cluster kubeconfig in Manage Jenkins \u2192 System \u2192 "
                + "Carvel GitOps");
        getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + "verifying "
                + launch.targets().describe() + " until " + Instant.ofEpochMilli(launch.deadlineMillis()));
        schedule(this::launch, 0);
        return false;
    }

    /** Starts the agent-side wait off the Pipeline thread, then polls it; waits for an agent that is away. */
    private void launch() {
        try {
            StepContextView c = StepContextView.of(getContext());
            VirtualChannel channel = c.workspace() == null ? null : c.workspace().getChannel();
            if (channel == null) {
                awaitAgent(c.listener());
                return;
            }
            awaitingAgent = false;
            call = channel.callAsync(launch.callable(c.run(), c.workspace(), c.env(), c.listener()));
            schedule(this::check, TICK_MILLIS);
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    /** The agent holding the workspace is offline: look again shortly, until the deadline. */
    private void awaitAgent(TaskListener listener) {
        if (System.currentTimeMillis() > launch.deadlineMillis()) {
            getContext().onFailure(new AbortException("fluxVerify: the agent holding the workspace did not come "
                    + "back before the timeout; run the build again once it is online"));
            return;
        }
        if (!awaitingAgent) {
            awaitingAgent = true;
            listener.getLogger().println(ConsoleProgress.PREFIX + "the agent holding the workspace is offline; "
                    + "waiting for it to reconnect");
        }
        schedule(this::launch, TICK_MILLIS);
    }

    /** One short look at the agent-side wait. */
    private void check() {
        Future<VerifyOutcome> f = call;
        if (f == null) {
            launch();
            return;
        }
        if (!f.isDone()) {
            schedule(this::check, TICK_MILLIS);
            return;
        }
        try {
            finish(f.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RequestAbortedException) {
                relaunchAfterDisconnect();
                return;
            }
            getContext().onFailure(e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void finish(VerifyOutcome outcome) throws Exception {
        StepContextView c = StepContextView.of(getContext());
        VerifyRunner.conclude("fluxVerify", outcome, c.run(), c.listener());
        getContext().onSuccess(outcome.getDocument());
    }

    /** The agent went away during the wait: start it again, as after a restart, when the agent is back. */
    private void relaunchAfterDisconnect() {
        call = null;
        try {
            getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX
                    + "lost the connection to the agent; starting the wait again");
        } catch (Exception e) {
            getContext().onFailure(e);
            return;
        }
        schedule(this::launch, TICK_MILLIS);
    }

    private void schedule(Runnable what, long delayMillis) {
        tick = Timer.get().schedule(what, delayMillis, TimeUnit.MILLISECONDS);
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
        schedule(this::launch, 0);
    }

    @Override
    public String getStatus() {
        if (launch == null) {
            return "starting";
        }
        return "waiting for Flux: " + launch.targets().describe() + " until "
                + Instant.ofEpochMilli(launch.deadlineMillis()) + (call == null ? " (starting the watch)" : "");
    }

    /** A step persisted before {@link VerifyLaunch} held its fields resumes from them. */
    private Object readResolve() {
        if (launch == null && targets != null) {
            launch = new VerifyLaunch(inputs, targets, deadlineMillis, reconcile, kubeconfigCredentialsId,
                    stageCredentialIds == null ? new LinkedHashMap<>() : stageCredentialIds, gitCredentialsId,
                    repositoryUrl);
        }
        inputs = null;
        targets = null;
        stageCredentialIds = null;
        kubeconfigCredentialsId = null;
        gitCredentialsId = null;
        repositoryUrl = null;
        return this;
    }

    /**
     * The context objects a tick needs, fetched fresh each time (never persisted). While the agent is
     * offline there is no workspace: Pipeline answers with null or an {@link java.io.IOException}
     * ("Unable to create live FilePath").
     */
    private record StepContextView(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener) {
        static StepContextView of(org.jenkinsci.plugins.workflow.steps.StepContext c) throws Exception {
            FilePath workspace;
            try {
                workspace = c.get(FilePath.class);
            } catch (java.io.IOException agentOffline) {
                workspace = null;
            }
            EnvVars env = c.get(EnvVars.class);
            return new StepContextView(c.get(Run.class), workspace, env == null ? new EnvVars() : env,
                    c.get(TaskListener.class));
        }
    }
}
