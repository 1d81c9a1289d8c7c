/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.Git of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import hudson.EnvVars;
import hudson.model.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.plugins.gitclient.verifier.HostKeyVerifierFactory;

public class Git implements Serializable {
    private Git() {
        throw new UnsupportedOperationException("stub");
    }

    public static Git with(TaskListener listener, EnvVars env) {
        throw new UnsupportedOperationException("stub");
    }

    public Git in(File repository) {
        throw new UnsupportedOperationException("stub");
    }

    public Git using(String exe) {
        throw new UnsupportedOperationException("stub");
    }

    public Git withHostKeyVerifierFactory(HostKeyVerifierFactory hostKeyFactory) {
        throw new UnsupportedOperationException("stub");
    }

    public GitClient getClient() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }
}
