/*
 * Compile-only stub: mirrors hudson.model.queue.Tasks of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.model.queue;

import hudson.model.Queue;
import org.springframework.security.core.Authentication;

public class Tasks {
    private Tasks() {
        throw new UnsupportedOperationException("stub");
    }

    public static Authentication getAuthenticationOf2(Queue.Task t) {
        throw new UnsupportedOperationException("stub");
    }
}
