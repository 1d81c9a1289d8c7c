/*
 * Compile-only stub: mirrors org.jenkinsci.plugins.gitclient.verifier.HostKeyVerifierFactory of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.plugins.gitclient.verifier;

import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public abstract class HostKeyVerifierFactory implements SerializableOnlyOverRemoting {
    private HostKeyVerifierFactory() {
        throw new UnsupportedOperationException("stub");
    }
}
