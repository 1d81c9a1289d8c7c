/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.workflow.steps.Step of org.jenkins-ci.plugins.workflow:workflow-step-api:704.ve4f0967e98fa_.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;
}
