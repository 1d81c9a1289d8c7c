package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.carvelgitops.ui.CarvelGitopsAction;
import io.jenkins.plugins.carvelgitops.ui.StageTable;
import java.io.IOException;
import java.util.List;

/**
 * Verification for freestyle jobs, which hold an executor for the whole build anyway: the same
 * agent-side wait as {@code fluxVerify}, launched from the same {@link VerifyLaunch}, called and awaited
 * directly.
 */
public final class VerifyRunner {

    private VerifyRunner() {
    }

    public static List<StageResult> run(VerifySettings s, Run<?, ?> run, FilePath workspace, EnvVars env,
            TaskListener listener) throws IOException, InterruptedException {
        VerifyLaunch launch = VerifyLaunch.of(s, run, "verification needs the build cluster's kubeconfig: choose "
                + "a kubeconfig credential or set one in the global configuration");
        VirtualChannel channel = workspace.getChannel();
        if (channel == null) {
            throw new AbortException("the agent holding the workspace is offline");
        }
        VerifyOutcome outcome = channel.call(launch.callable(run, workspace, env, listener));
        conclude("verification", outcome, run, listener);
        return outcome.getStages();
    }

    /**
     * Records the per-stage results on the build's Carvel GitOps page; when every stage is ready prints
     * the table, else fails with the controllers' message and the table.
     */
    static void conclude(String step, VerifyOutcome outcome, Run<?, ?> run, TaskListener listener)
            throws IOException {
        CarvelGitopsAction.of(run).record(outcome.getRevision(), outcome.getStages());
        run.save();
        if (!outcome.isReady()) {
            throw new AbortException(outcome.failure(step));
        }
        StageTable.lines(outcome.getStages()).forEach(listener.getLogger()::println);
    }
}
