/*
 * Compile-only stub: mirrors hudson.model.Queue of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.model;

public class Queue {
    private Queue() {
        throw new UnsupportedOperationException("stub");
    }

    public interface Task extends ModelObject {
    }
}
