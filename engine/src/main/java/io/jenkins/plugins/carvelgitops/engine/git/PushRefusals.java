package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    private static final int MAX_SERVER_MESSAGES = 500;
    /** A line that is only a label (Gitea frames its hook's message with bare "error:" lines). */
    private static final Pattern LABEL_ONLY = Pattern.compile("\\s*((remote|error|warning|hint):\\s*)*");

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

    /**
     * The reason to report for a refused ref update: the ref's own status message ({@code refusal}), and what the
     * server said while receiving the push ({@code serverMessages}, its "remote:" lines). A server that runs
     * hooks (C Git's receive-pack, under Gitea, Forgejo, GitLab) words the ref's refusal only "pre-receive hook
     * declined" and puts the hook's own words, such as a protected branch's, in those lines; lines that are
     * only a label ({@code error:}) are left out.
     */
    public static String reason(String refusal, String serverMessages) {
        String ref = refusal == null ? "" : refusal.strip();
        String said = serverMessages == null ? "" : Text.oneLine(serverMessages.lines()
                .filter(line -> !LABEL_ONLY.matcher(line).matches()).collect(Collectors.joining("\n")));
        if (said.length() > MAX_SERVER_MESSAGES) {
            said = said.substring(0, MAX_SERVER_MESSAGES) + "…";
        }
        if (said.isEmpty() || ref.contains(said)) {
            return ref;
        }
        return ref.isEmpty() ? "the server said: " + said : ref + " (the server said: " + said + ")";
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
