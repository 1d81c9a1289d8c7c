/*
 * Compile-only stub: mirrors hudson.plugins.git.GitException of org.jenkins-ci.plugins:git-client:6.1.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.plugins.git;

public class GitException extends RuntimeException {
    private GitException() {
        throw new UnsupportedOperationException("stub");
    }
}
