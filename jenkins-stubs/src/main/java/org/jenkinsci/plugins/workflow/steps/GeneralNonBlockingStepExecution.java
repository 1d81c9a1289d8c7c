/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution of org.jenkins-ci.plugins.workflow:workflow-step-api:704.ve4f0967e98fa_.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.workflow.steps;

public abstract class GeneralNonBlockingStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    protected GeneralNonBlockingStepExecution(StepContext context) {
        super(context);
        throw new UnsupportedOperationException("stub");
    }

    @FunctionalInterface
    protected interface Block {
        void run() throws Exception;
    }

    protected final void run(Block block) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void onResume() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public String getStatus() {
        throw new UnsupportedOperationException("stub");
    }
}
