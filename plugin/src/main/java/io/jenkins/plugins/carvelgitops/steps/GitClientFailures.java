package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.plugins.git.GitException;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.git.Urls;

/**
 * What a failed git-client call of one session tells the user: authentication, access, the network or
 * the plain failure, with the secret redacted and the credential named by id and user only.
 */
final class GitClientFailures {

    private final String url;
    private final String describe;
    private final StandardUsernamePasswordCredentials credential;

    GitClientFailures(String url, String describe, StandardUsernamePasswordCredentials credential) {
        this.url = url;
        this.describe = describe;
        this.credential = credential;
    }

    GitopsGitException translate(String what, GitException e) {
        String message = redact(e.getMessage());
        String where = Urls.withoutCredentials(url);
        if (GitClientMessages.isAuthenticationFailure(message)) {
            return new GitopsGitException("authentication failed for " + where + " (" + who() + "): "
                    + (credential == null ? "choose a Git credential (credentialsId, or the default in Manage Jenkins "
                            + "\u2192 System \u2192 Carvel GitOps)"
                            : "check that the user name is right and the token is valid, not expired, and allowed to "
                                    + "read and write the repository"), null);
        }
        if (GitClientMessages.isAccessDenied(message)) {
            return new GitopsGitException("the server denied access to " + where + " (" + who() + "): check that the "
                    + "token may write to the repository", null);
        }
        if (GitClientMessages.isUnreachable(message)) {
            return new GitopsGitException(what + " " + describe + " failed: cannot reach the server or it broke off ("
                    + message + "); check the URL, the network and the server, then run again: nothing was pushed",
                    null);
        }
        return new GitopsGitException(what + " " + describe + " failed: " + message, null);
    }

    GitopsGitException interrupted() {
        Thread.currentThread().interrupt();
        return new GitopsGitException("interrupted while working on " + describe + "; nothing more was pushed");
    }

    /** {@code message} without the credential's secret. */
    String redact(String message) {
        return GitClientMessages.redact(message, secret(credential));
    }

    private String who() {
        return credential == null ? "no Git credential was given"
                : "Git credential '" + credential.getId() + "', user '" + credential.getUsername() + "'";
    }

    static String secret(StandardUsernamePasswordCredentials credential) {
        return credential == null || credential.getPassword() == null ? null
                : credential.getPassword().getPlainText();
    }
}
