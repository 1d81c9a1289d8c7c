/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.workflow.steps.StepDescriptor of org.jenkins-ci.plugins.workflow:workflow-step-api:704.ve4f0967e98fa_.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
