package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The {@code carvelGitopsWaitForMerge} execution: a {@link MergeWatch} on a timer, so no thread is held
 * between looks and no workspace is needed; it is persisted with the execution and goes on after a
 * controller restart ({@link #onResume}). {@link #stop} cancels the next look.
 */
final class WaitForMergeExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final transient WaitForMergeStep step;
    private MergeWatch watch;

    WaitForMergeExecution(StepContext context, WaitForMergeStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        Duration timeout;
        try {
            timeout = StepParameters.duration("timeout", step.getTimeout(),
                    StepParameters.duration("timeout", WaitForMergeStep.DEFAULT_TIMEOUT, null));
        } catch (IllegalArgumentException e) {
            throw new AbortException("carvelGitopsWaitForMerge: " + e.getMessage());
        }
        watch = new MergeWatch("carvelGitopsWaitForMerge", step.getUrl(), step.getApiUrl(), step.getCredentialsId(),
                timeout);
        watch.start(getContext(), this::merged);
        return false;
    }

    private void merged(MergeWait.Result result) {
        getContext().onSuccess(result.toDocument(watch.provider()).map());
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (watch != null) {
            watch.cancel();
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        if (watch != null) {
            watch.resume(getContext(), this::merged);
        }
    }

    @Override
    public String getStatus() {
        return watch == null ? "starting" : watch.status();
    }
}
