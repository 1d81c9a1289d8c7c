package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The {@code carvelGitopsPromote} execution. The promotion runs on a background thread, where the workspace
 * is; with {@code waitForMerge:} and a pull request opened, the wait that follows is a {@link MergeWatch} on
 * a timer, persisted with the execution, so it goes on after a controller restart and returns the
 * promotion's document completed by the wait. A restart while the promotion itself runs fails the step
 * (running it again is safe: an unchanged promotion changes nothing).
 */
final class PromoteExecution extends GeneralNonBlockingStepExecution {

    private static final long serialVersionUID = 1L;

    private final transient PromoteSettings settings;
    /** The promotion's document while its pull request is waited for; then the wait completes it. */
    private LinkedHashMap<String, Object> promoted;
    private MergeWatch watch;

    PromoteExecution(StepContext context, PromoteSettings settings) {
        super(context);
        this.settings = settings;
    }

    @Override
    public boolean start() throws Exception {
        Duration timeout;
        try {
            timeout = StepParameters.duration("waitForMerge", settings.getWaitForMerge(), null);
        } catch (IllegalArgumentException e) {
            throw new AbortException("carvelGitopsPromote: " + e.getMessage());
        }
        run(() -> promote(timeout));
        return false;
    }

    private void promote(Duration timeout) throws Exception {
        StepContext c = getContext();
        Delivery d = Steps.promoteLeavingTheWait(settings, c.get(Run.class), c.get(FilePath.class),
                c.get(EnvVars.class), c.get(TaskListener.class));
        Map<String, Object> pullRequest = d.getPullRequest();
        if (timeout == null || pullRequest == null) {
            c.onSuccess(d.getDocument());
            return;
        }
        promoted = new LinkedHashMap<>(d.getDocument());
        watch = new MergeWatch("carvelGitopsPromote", (String) pullRequest.get("url"),
                (String) pullRequest.get("apiUrl"), settings.getCredentialsId(), timeout);
        watch.start(c, this::merged);
    }

    private void merged(MergeWait.Result result) {
        getContext().onSuccess(PullRequestOutcome.afterWait(promoted, result));
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (watch != null) {
            watch.cancel();
        }
        super.stop(cause);
    }

    /** Fails the step when the promotion itself was running; a wait for the merge goes on. */
    @Override
    public void onResume() {
        super.onResume();
        if (watch != null) {
            watch.resume(getContext(), this::merged);
        }
    }

    @Override
    public String getStatus() {
        return watch == null ? super.getStatus() : watch.status();
    }
}
