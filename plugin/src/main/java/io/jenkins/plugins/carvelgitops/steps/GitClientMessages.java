package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.PushRefusals;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads git-client's failure messages. A push refused because the branch moved is not a dedicated
 * exception in git-client, only a message, worded differently by its two implementations:
 * <ul>
 * <li>JGit: {@code <server message> <RemoteRefUpdate.Status> for '<refspec>' refspec '<refspec>' to <url>};</li>
 * <li>command-line git: {@code Command "git push …" returned status code 1:} followed by git's stderr,
 * whose status lines read {@code ! [rejected] HEAD -> main (fetch first)} or
 * {@code ! [remote rejected] HEAD -> main (<reason>)}.</li>
 * </ul>
 * Only the status and the reason are read, never the URL or the ref names, so a repository called
 * {@code blockchain} is not mistaken for a lock failure. Pure string logic, tested without Jenkins.
 */
final class GitClientMessages {

    private static final List<String> UNREACHABLE = List.of("connection refused", "connection failed",
            "unknownhost", "unknown host", "could not resolve host", "timed out", "no route", "connection reset",
            "remote hung up", "unexpected end of file");
    private static final Pattern JGIT_STATUS = Pattern.compile(
            "^(.*?)\\s*\\b(REJECTED_[A-Z_]+|NON_EXISTING|AWAITING_REPORT|NOT_ATTEMPTED)\\s+for\\s+'",
            Pattern.DOTALL);
    private static final Pattern CLI_STATUS = Pattern.compile(
            "^\\s*!\\s*\\[(rejected|remote rejected)]\\s+\\S+\\s+->\\s+\\S+\\s+\\((.*)\\)\\s*$",
            Pattern.MULTILINE);

    private GitClientMessages() {
    }

    /** Whether a failed push's message says the branch moved under us (retry from the new head). */
    static boolean isRejectedPush(String message) {
        if (message == null) {
            return false;
        }
        Matcher jgit = JGIT_STATUS.matcher(message);
        if (jgit.find()) {
            return PushRefusals.isLostRace(jgit.group(2), jgit.group(1));
        }
        Matcher cli = CLI_STATUS.matcher(message);
        boolean rejected = false;
        while (cli.find()) {
            if (!isRaceReason(cli.group(2))) {
                return false;
            }
            rejected = true;
        }
        return rejected;
    }

    private static boolean isRaceReason(String reason) {
        return PushRefusals.isLostRace(reason);
    }

    /** Whether a failure message says the server did not accept the credential (or asked for one). */
    static boolean isAuthenticationFailure(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("not authorized") || m.contains("authentication") || m.contains("401")
                || m.contains("credentialsprovider") || m.contains("could not read username");
    }

    /** Whether a failure message says the server denied this user access. */
    static boolean isAccessDenied(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("not permitted") || m.contains("403") || m.contains("permission denied");
    }

    /** Whether a failure message says the server could not be reached or broke off the connection. */
    static boolean isUnreachable(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return UNREACHABLE.stream().anyMatch(m::contains);
    }

    /** The message with every occurrence of {@code secret} replaced (defence in depth); null-safe. */
    static String redact(String message, String secret) {
        if (message == null) {
            return "";
        }
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "****");
    }
}
