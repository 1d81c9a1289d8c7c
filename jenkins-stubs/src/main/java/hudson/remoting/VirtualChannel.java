/*
 * Compile-only stub: mirrors hudson.remoting.VirtualChannel of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.remoting;

import java.io.IOException;

public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException;
}
