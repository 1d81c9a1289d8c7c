/*
 * Compile-only stub: mirrors hudson.remoting.Callable of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.remoting;

import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;

public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
