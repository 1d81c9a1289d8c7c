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
        Delivery d = DeliveryRunner.promote(settings, run, workspace, env, listener);
        // a pull request closed unmerged, or still open when waitForMerge ran out, fails the build
        PullRequestResults.failIfNotMerged(d);
        return d;
    }

    public static java.util.List<StageResult> verify(VerifySettings settings, Run<?, ?> run, FilePath workspace,
            EnvVars env, TaskListener listener) throws IOException, InterruptedException {
        return VerifyRunner.run(settings, run, workspace, env, listener);
    }
}
