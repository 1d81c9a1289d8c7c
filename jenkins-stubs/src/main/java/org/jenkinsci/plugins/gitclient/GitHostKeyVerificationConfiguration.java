/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.GitHostKeyVerificationConfiguration of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient;

import jenkins.model.GlobalConfiguration;
import org.jenkinsci.plugins.gitclient.verifier.HostKeyVerifierFactory;
import org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy;

public class GitHostKeyVerificationConfiguration extends GlobalConfiguration {
    private GitHostKeyVerificationConfiguration() {
        throw new UnsupportedOperationException("stub");
    }

    public SshHostKeyVerificationStrategy<? extends HostKeyVerifierFactory> getSshHostKeyVerificationStrategy() {
        throw new UnsupportedOperationException("stub");
    }

    public static GitHostKeyVerificationConfiguration get() {
        throw new UnsupportedOperationException("stub");
    }
}
