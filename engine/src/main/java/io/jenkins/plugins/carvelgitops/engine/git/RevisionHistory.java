package io.jenkins.plugins.carvelgitops.engine.git;

/**
 * The Git history verify needs to accept a revision that others pushed after ours: is {@code ancestor}
 * reachable from {@code descendant}?
 */
@FunctionalInterface
public interface RevisionHistory {

    /** Only the same commit counts; for when no history is at hand. */
    RevisionHistory EXACT = (ancestor, descendant) -> ancestor.equalsIgnoreCase(descendant);

    /**
     * True when both name the same commit or {@code descendant} has {@code ancestor} in its history.
     * False when either commit is unknown (for example pushed elsewhere and not fetched yet).
     */
    boolean isAncestor(String ancestorSha, String descendantSha);
}
