/*
 * Compile-only stub: mirrors org.jenkinsci.remoting.Role of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.remoting;

public final class Role {
    private Role() {
        throw new UnsupportedOperationException("stub");
    }
}
