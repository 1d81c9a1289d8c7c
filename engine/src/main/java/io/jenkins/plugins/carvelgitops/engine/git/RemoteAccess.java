package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.Locale;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * How {@link JGitRemote} talks to one URL: every transport command gets the timeout and, when given, the
 * credentials (through a provider only: never in the URL or {@code .git/config}); every failure becomes
 * one line that names the remote without user info, never the token, and says what to do.
 */
final class RemoteAccess {

    private static final int TIMEOUT_SECONDS = 120;

    private final String url;
    private final String describe;
    private final RemoteOptions options;
    /** The credentials were accepted in this session (a listing or fetch worked). */
    private boolean reached;

    RemoteAccess(String url, String describe, RemoteOptions options) {
        this.url = url;
        this.describe = describe;
        this.options = options;
    }

    <C extends TransportCommand<C, ?>> C authorize(C command) {
        command.setTimeout(TIMEOUT_SECONDS);
        if (options.auth() != null) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(options.auth().username(),
                    options.auth().token()));
        }
        return command;
    }

    /** The server answered with these credentials: a later "not authorized" on a push is a broken upload. */
    void reached() {
        reached = true;
    }

    /** No token, and the URL only in its printable form (JGit quotes the URL it was given). */
    String redact(String text) {
        String scrubbed = Urls.scrub(text, url);
        return options.auth() == null ? scrubbed : options.auth().redact(scrubbed);
    }

    GitopsGitException translate(String what, Exception e) {
        String message = redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        boolean transport = e instanceof TransportException;
        boolean authLike = lower.contains("not authorized") || lower.contains("authentication")
                || lower.contains("credentialsprovider") || lower.contains("401");
        boolean push = what.startsWith("push");
        if (transport && authLike && reached && push) {
            // The same credentials fetched a moment ago: an upload broken off reads as a refusal here.
            return new GitopsGitException(what + " " + describe + " failed: the connection broke off during the "
                    + "upload, or the server refused the credentials that worked for the fetch just before; run "
                    + "again (nothing was pushed), and check the token's write permission if it happens again", e);
        }
        if (transport && authLike) {
            String user = options.auth() == null ? "no credentials were given" : "user '" + options.auth().username()
                    + "', token from " + options.credentialSource();
            String fix = options.auth() == null
                    ? "set {gitCredentials} to a user and a personal access token"
                    : "check that the user name is right and the token is valid, not expired, and allowed to read "
                            + "and write the repository";
            return new GitopsGitException("authentication failed for " + Urls.withoutCredentials(url) + " (" + user
                    + "): " + fix, null);
        }
        if (transport && (lower.contains("not permitted") || lower.contains("403"))) {
            return new GitopsGitException("authentication failed for " + Urls.withoutCredentials(url) + ": the server "
                    + "denied access" + (options.auth() == null ? "" : " to user '" + options.auth().username() + "'")
                    + "; check that the token may write to the repository (for example the repo or write_repository "
                    + "scope)", null);
        }
        if (transport && unreachable(lower)) {
            return new GitopsGitException(what + " " + describe + " failed: cannot reach the server or it broke "
                    + "off (" + message + "); check the URL, the network and the server, then run again"
                    + (push ? ": nothing was pushed" : ""), e);
        }
        return new GitopsGitException(what + " " + describe + " failed: " + message, e);
    }

    private static boolean unreachable(String lower) {
        return lower.contains("connection refused") || lower.contains("connection failed")
                || lower.contains("unknownhost") || lower.contains("unknown host") || lower.contains("timed out")
                || lower.contains("no route") || lower.contains("connection reset") || lower.contains("remote hung up")
                || lower.contains("unexpected end of file");
    }
}
