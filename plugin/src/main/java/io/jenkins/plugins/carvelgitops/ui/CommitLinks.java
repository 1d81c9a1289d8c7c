package io.jenkins.plugins.carvelgitops.ui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to a commit for the hosts whose commit URL shape is known (GitHub, GitLab, Bitbucket, and
 * their self-hosted forms when the host name says so); null for anything else, so that no page links
 * to a guessed URL.
 */
public final class CommitLinks {

    private static final Pattern HTTP = Pattern.compile("^https?://(?:[^/@]*@)?([^/:]+)(?::\\d+)?/(.+?)(?:\\.git)?/?$");
    private static final Pattern SCP = Pattern.compile("^[A-Za-z0-9._-]+@([^:/]+):(.+?)(?:\\.git)?/?$");
    private static final Pattern SSH = Pattern.compile("^ssh://(?:[^/@]*@)?([^/:]+)(?::\\d+)?/(.+?)(?:\\.git)?/?$");
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{7,64}$");

    private CommitLinks() {
    }

    /** The web page of {@code sha} in the repository at {@code repositoryUrl}, or null when unknown. */
    public static String commitUrl(String repositoryUrl, String sha) {
        if (repositoryUrl == null || sha == null || !SHA.matcher(sha).matches()) {
            return null;
        }
        String host = null;
        String path = null;
        for (Pattern p : new Pattern[] {HTTP, SSH, SCP}) {
            Matcher m = p.matcher(repositoryUrl.strip());
            if (m.matches()) {
                host = m.group(1).toLowerCase(Locale.ROOT);
                path = m.group(2);
                break;
            }
        }
        if (host == null || path.contains("..") || !path.matches("[A-Za-z0-9._~/-]+")) {
            return null;
        }
        if (host.equals("github.com") || host.startsWith("github.")) {
            return "https://" + host + "/" + path + "/commit/" + sha;
        }
        if (host.equals("gitlab.com") || host.startsWith("gitlab.")) {
            return "https://" + host + "/" + path + "/-/commit/" + sha;
        }
        if (host.equals("bitbucket.org")) {
            return "https://" + host + "/" + path + "/commits/" + sha;
        }
        return null;
    }
}
