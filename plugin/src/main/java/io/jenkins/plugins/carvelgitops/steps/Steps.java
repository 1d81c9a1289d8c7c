package io.jenkins.plugins.carvelgitops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;

/** The entry points the freestyle builders share with the Pipeline steps. */
public final class Steps {

    private Steps() {
    }

    public static Delivery render(RenderSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env,
            TaskListener listener) throws IOException, InterruptedException {
        return DeliveryRunner.render(settings, run, workspace, env, listener);
    }

    public static Delivery promote(PromoteSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env,
            TaskListener listener) throws IOException, InterruptedException {
        Delivery d = DeliveryRunner.promote(settings, run, workspace, env, listener, true);
        // a pull request closed unmerged, or still open when waitForMerge ran out, fails the build
        PullRequestResults.failIfNotMerged(d);
        return d;
    }

    /**
     * The promotion without the wait {@code waitForMerge} asks for (still checked before anything is pushed):
     * the Pipeline step waits afterwards on a timer, which goes on after a controller restart.
     */
    static Delivery promoteLeavingTheWait(PromoteSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env,
            TaskListener listener) throws IOException, InterruptedException {
        return DeliveryRunner.promote(settings, run, workspace, env, listener, false);
    }

    public static java.util.List<StageResult> verify(VerifySettings settings, Run<?, ?> run, FilePath workspace,
            EnvVars env, TaskListener listener) throws IOException, InterruptedException {
        return VerifyRunner.run(settings, run, workspace, env, listener);
    }
}
