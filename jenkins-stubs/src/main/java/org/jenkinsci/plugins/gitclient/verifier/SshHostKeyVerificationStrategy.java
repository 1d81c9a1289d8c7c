/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.verifier.SshHostKeyVerificationStrategy of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient.verifier;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class SshHostKeyVerificationStrategy<T extends HostKeyVerifierFactory>
        extends AbstractDescribableImpl<SshHostKeyVerificationStrategy<T>> implements ExtensionPoint {
    private SshHostKeyVerificationStrategy() {
        throw new UnsupportedOperationException("stub");
    }

    public abstract T getVerifier();
}
