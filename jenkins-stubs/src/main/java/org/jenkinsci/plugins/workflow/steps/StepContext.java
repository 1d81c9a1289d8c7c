/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.workflow.steps.StepContext of org.jenkins-ci.plugins.workflow:workflow-step-api:704.ve4f0967e98fa_.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    public abstract void onSuccess(Object result);
}
