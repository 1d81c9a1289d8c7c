/*
 * Compile-only stub: mirrors hudson.security.Permission of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.security;

public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("stub");
    }
}
