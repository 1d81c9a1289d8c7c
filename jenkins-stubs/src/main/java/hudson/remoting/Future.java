/*
 * Compile-only stub: mirrors hudson.remoting.Future of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.remoting;

public interface Future<V> extends java.util.concurrent.Future<V> {
}
