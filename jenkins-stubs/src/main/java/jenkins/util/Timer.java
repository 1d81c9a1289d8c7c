/*
 * Compile-only stub: mirrors jenkins.util.Timer of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

public class Timer {
    private Timer() {
        throw new UnsupportedOperationException("stub");
    }

    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("stub");
    }
}
