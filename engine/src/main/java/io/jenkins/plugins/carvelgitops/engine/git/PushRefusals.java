package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.List;
import java.util.Locale;

/**
 * Which reasons a Git server gives for refusing a ref update mean "someone moved the branch first" (fetch the
 * new head and apply again) rather than "your change is refused" (a hook, a protected or locked branch: stop).
 * The one classifier for the engine's JGit transport and the plugin's git-client transport.
 */
public final class PushRefusals {

    /** Wordings of a lost ref race; a hook's "branch is locked" is a refusal, not one of them. */
    private static final List<String> RACE_REASONS = List.of("non-fast-forward", "fetch first", "stale info",
            "already exists", "cannot lock", "failed to lock", "failed to update ref", "invalid old id",
            "incorrect old value", "lock failure");

    /** JGit's {@code RemoteRefUpdate.Status} names that mean someone else moved the branch first. */
    private static final List<String> RACE_STATUSES = List.of("REJECTED_NONFASTFORWARD", "REJECTED_REMOTE_CHANGED");

    private PushRefusals() {
    }

    /**
     * Whether a ref update that JGit reports with {@code status} (a {@code RemoteRefUpdate.Status} name, as
     * JGit and git-client's JGit implementation print it) and the server's {@code reason} is a lost race:
     * a rejection as not a fast-forward or a changed ref, or a server's "other reason" that reads as a race.
     */
    public static boolean isLostRace(String status, String reason) {
        if (RACE_STATUSES.contains(status)) {
            return true;
        }
        return "REJECTED_OTHER_REASON".equals(status) && isLostRace(reason);
    }

    /** Whether the server's reason says the branch moved between its advertisement and our update. */
    public static boolean isLostRace(String reason) {
        if (reason == null) {
            return false;
        }
        String r = reason.toLowerCase(Locale.ROOT);
        return RACE_REASONS.stream().anyMatch(r::contains);
    }
}
