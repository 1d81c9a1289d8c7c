package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.Objects;

/**
 * HTTPS credentials for the GitOps repository: a user name and a personal access token. The token is
 * handed to Git only through a credentials provider, never put into a URL, a message or a log line;
 * {@link #toString()} shows the user name only.
 */
public final class TokenAuth {

    private final String username;
    private final String token;

    public TokenAuth(String username, String token) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
        if (username.isBlank()) {
            throw new IllegalArgumentException("the Git user name is empty");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Git token is empty");
        }
        if (hasLineBreak(username) || hasLineBreak(token)) {
            throw new IllegalArgumentException("the Git user name and token must be single lines");
        }
        this.username = username;
        this.token = token;
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    public String username() {
        return username;
    }

    /** The secret itself: pass it to a credentials provider and nowhere else. */
    public String token() {
        return token;
    }

    /** Replaces every occurrence of the token in {@code text} (defence in depth for third-party messages). */
    public String redact(String text) {
        return text == null ? null : text.replace(token, "****");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenAuth t && t.username.equals(username) && t.token.equals(token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, token);
    }

    @Override
    public String toString() {
        return "TokenAuth[username=" + username + ", token=****]";
    }
}
