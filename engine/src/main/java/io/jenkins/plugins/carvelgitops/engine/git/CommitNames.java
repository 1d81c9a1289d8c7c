package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A commit as a user writes it (the full SHA, or its first characters as render, promote and the
 * Flux status print them) turned into the full SHA, once for the CLI and the Jenkins steps.
 */
public final class CommitNames {

    /** Git abbreviates to at least four characters. */
    static final int SHORTEST = 4;
    private static final String FULL_SHA = "[0-9a-f]{40}";

    private CommitNames() {
    }

    /**
     * The one commit of {@code history} that {@code revision} names.
     *
     * @param head the branch head, checked first so the usual case needs no lookup; null when unknown
     * @throws ValidationException when it is not hex, or no commit or several commits start with it
     */
    public static String resolve(GitopsHistory history, String head, String revision) {
        String prefix = revision.trim().toLowerCase(Locale.ROOT);
        if (prefix.matches(FULL_SHA)) {
            return prefix;
        }
        if (!prefix.matches("[0-9a-f]{" + SHORTEST + ",39}")) {
            throw ValidationException.of("revision", revision, "is not a commit SHA",
                    "give the SHA (or its first " + SHORTEST + " or more characters) that render or promote printed");
        }
        if (head != null && head.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return head.toLowerCase(Locale.ROOT);
        }
        Set<String> found = new TreeSet<>();
        for (String sha : history.commitsStartingWith(prefix)) {
            String lower = sha.toLowerCase(Locale.ROOT);
            if (lower.startsWith(prefix)) {
                found.add(lower);
            }
        }
        if (found.isEmpty()) {
            throw ValidationException.of("revision", revision, "is not a commit of the GitOps repository",
                    "give the SHA that render or promote printed");
        }
        if (found.size() > 1) {
            throw ValidationException.of("revision", revision, "is ambiguous: " + found.size() + " commits start "
                    + "with it", "give more of the SHA");
        }
        return found.iterator().next();
    }
}
