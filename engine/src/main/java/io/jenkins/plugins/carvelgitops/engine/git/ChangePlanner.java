package io.jenkins.plugins.carvelgitops.engine.git;

/**
 * Decides the change from what the repository holds at a head. Called again on every new head a
 * publish attempt starts from (after a rejected push), so it re-validates against that head: it throws
 * {@link io.jenkins.plugins.carvelgitops.engine.validate.ValidationException} when the change no longer
 * makes sense there (for example the version to promote is gone), and then nothing is pushed.
 * It must be idempotent: planning on a head that already holds the change yields no difference.
 */
@FunctionalInterface
public interface ChangePlanner {

    Change plan(RepositoryView head);

    /** A planner for a change that does not depend on the head. */
    static ChangePlanner of(Change change) {
        return head -> change;
    }
}
