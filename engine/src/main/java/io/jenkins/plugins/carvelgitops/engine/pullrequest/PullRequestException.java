package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;

/** A provider refused a call or could not be reached; the message quotes the provider, never the token. */
public final class PullRequestException extends GitopsGitException {

    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    public PullRequestException(String message) {
        this(message, false);
    }

    private PullRequestException(String message, boolean unreachable) {
        super(message, null);
        this.unreachable = unreachable;
    }

    /** The provider could not be reached (network, TLS, a timeout): worth another look later. */
    static PullRequestException unreachable(String message) {
        return new PullRequestException(message, true);
    }

    /** Whether the call never got an answer, as opposed to the provider refusing it. */
    public boolean unreachable() {
        return unreachable;
    }
}
