package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.Locale;

/**
 * Flux artifact revision strings, in both formats: {@code main@sha1:<sha>} (Flux v0.40 and later) and
 * the legacy {@code main/<sha>}. The commit is whatever follows the last {@code :} or, in the legacy
 * form, the last {@code /}.
 */
public final class Revisions {

    private Revisions() {
    }

    /** The commit hash a revision names, lower-cased; null for a null or empty revision. */
    public static String hashOf(String revision) {
        if (revision == null || revision.isBlank()) {
            return null;
        }
        String r = revision.trim();
        String hash;
        if (r.contains(":")) {
            hash = r.substring(r.lastIndexOf(':') + 1);
        } else if (r.contains("/")) {
            hash = r.substring(r.lastIndexOf('/') + 1);
        } else {
            hash = r;
        }
        return hash.toLowerCase(Locale.ROOT);
    }

    /** The branch, tag or ref a revision names ({@code main}, {@code refs/heads/main}); "" when none. */
    public static String pointerOf(String revision) {
        if (revision == null) {
            return "";
        }
        if (revision.contains("@")) {
            return revision.substring(0, revision.lastIndexOf('@'));
        }
        if (revision.contains("/")) {
            String p = revision.substring(0, revision.lastIndexOf('/'));
            return p.equals("HEAD") ? "" : p;
        }
        return "";
    }

    /** Seven characters of a commit, for display. */
    public static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
    }
}
