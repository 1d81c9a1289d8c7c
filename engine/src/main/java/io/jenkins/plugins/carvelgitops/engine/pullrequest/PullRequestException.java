package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;

/** A provider refused a call or could not be reached; the message quotes the provider, never the token. */
public final class PullRequestException extends GitopsGitException {

    public PullRequestException(String message) {
        super(message, null);
    }
}
