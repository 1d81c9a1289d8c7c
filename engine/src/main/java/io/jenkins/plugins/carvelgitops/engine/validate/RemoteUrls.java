package io.jenkins.plugins.carvelgitops.engine.validate;

import java.util.regex.Pattern;

/**
 * Repository URLs: which are remotes, which carry credentials, and the form that may be shown or stored.
 * Three spellings exist, as in Git: {@code scheme://[user@]host/path}, the scp-like
 * {@code [user@]host:path} (a ':' before any '/'), and a local folder. User info is everything before the
 * last '@' of the part before the path's query, so a '/' inside a password does not end it early.
 */
public final class RemoteUrls {

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PLAIN_USER = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private RemoteUrls() {
    }

    /** True for a folder on this machine: neither {@code scheme://} nor scp-like {@code host:path}. */
    public static boolean isLocalPath(String url) {
        return !SCHEME.matcher(url).find() && !isScpLike(url);
    }

    /** Git's rule ({@code url_is_local_not_ssh}): a ':' with no '/' before it, and not a drive letter. */
    public static boolean isScpLike(String url) {
        if (SCHEME.matcher(url).find() || DRIVE.matcher(url).matches()) {
            return false;
        }
        int colon = url.indexOf(':');
        int slash = url.indexOf('/');
        return colon > 0 && (slash < 0 || colon < slash);
    }

    /**
     * Why {@code url} would carry a secret into logs or {@code .git/config}: user info other than a plain
     * SSH user name, or a query or fragment (such as {@code ?access_token=}); null when it carries none.
     */
    public static String credentialProblem(String url) {
        if (url == null || isLocalPath(url)) {
            return null;
        }
        Parts p = Parts.of(url);
        if (p.userInfo != null && !(p.ssh && PLAIN_USER.matcher(p.userInfo).matches())) {
            return "embeds credentials in the URL (user info before '@')";
        }
        if (p.query) {
            return "has a query or fragment ('?' or '#'), which can carry a token";
        }
        return null;
    }

    /**
     * The URL as it may be printed or stored: without user info (a plain SSH user name stays), query or
     * fragment. {@code https://user:secret@host/x.git?access_token=t} becomes {@code https://host/x.git}.
     */
    public static String withoutCredentials(String url) {
        if (url == null || isLocalPath(url)) {
            return url;
        }
        Parts p = Parts.of(url);
        boolean keepUser = p.userInfo != null && p.ssh && PLAIN_USER.matcher(p.userInfo).matches();
        return p.scheme + (keepUser ? p.userInfo + "@" : "") + p.rest;
    }

    /** {@code text} with every occurrence of {@code url} replaced by its printable form. */
    public static String scrub(String text, String url) {
        if (text == null || url == null || url.isEmpty()) {
            return text;
        }
        return text.replace(url, withoutCredentials(url));
    }

    /** A remote URL taken apart: scheme (with "://", or "" for scp-like), user info, what follows it. */
    private record Parts(String scheme, String userInfo, String rest, boolean ssh, boolean query) {
        static Parts of(String url) {
            var m = SCHEME.matcher(url);
            String scheme = m.find() ? url.substring(0, m.end()) : "";
            String body = url.substring(scheme.length());
            int q = indexOfAny(body, "?#");
            boolean query = q >= 0;
            if (query) {
                body = body.substring(0, q);
            }
            // scp-like: the user info ends before the host, which ends at the last ':'
            int limit = scheme.isEmpty() ? Math.max(body.lastIndexOf(':'), 0) : body.length();
            int at = body.lastIndexOf('@', limit);
            String lower = scheme.toLowerCase(java.util.Locale.ROOT);
            boolean ssh = scheme.isEmpty() || lower.startsWith("ssh") || lower.startsWith("git+ssh");
            return at < 0 ? new Parts(scheme, null, body, ssh, query)
                    : new Parts(scheme, body.substring(0, at), body.substring(at + 1), ssh, query);
        }

        private static int indexOfAny(String s, String chars) {
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
