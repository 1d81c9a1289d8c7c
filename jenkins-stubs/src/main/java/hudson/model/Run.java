/*
 * Compile-only stub: mirrors hudson.model.Run of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.model;

import hudson.security.AccessControlled;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable
        implements AccessControlled {
    protected Run(JobT job) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
