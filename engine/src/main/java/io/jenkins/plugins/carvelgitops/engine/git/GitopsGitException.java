package io.jenkins.plugins.carvelgitops.engine.git;

/**
 * A Git or I/O failure (exit code 3 in the CLI). Messages never carry credentials: URLs are shown
 * without user info and tokens are never part of any text.
 */
public class GitopsGitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GitopsGitException(String message) {
        super(message);
    }

    public GitopsGitException(String message, Throwable cause) {
        super(message, cause);
    }
}
