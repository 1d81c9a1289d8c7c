/*
 * Compile-only stub: mirrors hudson.remoting.RequestAbortedException of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.remoting;

public class RequestAbortedException extends RuntimeException {
    public RequestAbortedException(Throwable cause) {
        throw new UnsupportedOperationException("stub");
    }
}
