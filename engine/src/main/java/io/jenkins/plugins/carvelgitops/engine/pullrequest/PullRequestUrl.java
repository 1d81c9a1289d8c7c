package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pull request's web page as its provider shows it, turned into where its API is: GitHub
 * ({@code https://github.com/acme/gitops/pull/41}, Enterprise Server the same on its own host, API under
 * {@code /api/v3}), GitLab ({@code https://gitlab.com/group/sub/gitops/-/merge_requests/7}, API under
 * {@code /api/v4}) and Gitea or Forgejo ({@code https://codeberg.org/acme/gitops/pulls/3}, API under
 * {@code /api/v1}). The path says the provider, so any host name works; a Gitea or GitHub Enterprise
 * served under a path prefix keeps it.
 *
 * @param address where the repository's pull requests live
 * @param number  the pull request's number (GitLab: the merge request's iid)
 * @param url     the web page as given, without a query or fragment
 */
public record PullRequestUrl(RepositoryAddress address, int number, String url) {

    private static final Pattern GITHUB = Pattern.compile("^(.*?)/([^/]+)/([^/]+)/pull/(\\d+)(?:/.*)?$");
    private static final Pattern GITEA = Pattern.compile("^(.*?)/([^/]+)/([^/]+)/pulls/(\\d+)(?:/.*)?$");
    private static final Pattern GITLAB = Pattern.compile("^/(.+?)/-/merge_requests/(\\d+)(?:/.*)?$");

    public PullRequestUrl {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
    }

    /**
     * @param url    the pull request's web page
     * @param apiUrl the API root when it is not where the provider keeps it on that host; null for the default
     * @param field  how errors name the parameter ({@code url})
     */
    public static PullRequestUrl parse(String url, String apiUrl, String field) {
        if (url == null || url.isBlank()) {
            throw ValidationException.of(field, "", "is empty", "give the pull request's web page, e.g. "
                    + "https://github.com/acme/gitops/pull/41");
        }
        String given = url.strip();
        URI uri;
        try {
            uri = URI.create(given);
        } catch (IllegalArgumentException e) {
            throw notAPullRequest(field, given);
        }
        if (uri.getRawUserInfo() != null) {
            throw ValidationException.of(field, RemoteUrls.withoutCredentials(given), "carries credentials",
                    "give the page without them; the token comes from credentialsId");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null
                || uri.getRawPath() == null) {
            throw notAPullRequest(field, given);
        }
        String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String path = uri.getRawPath().replaceAll("/+$", "");
        String page = origin + path;
        String api = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.strip().replaceAll("/+$", "");
        if (api != null && !api.matches("https?://[^/@\\s]+(/\\S*)?")) {
            throw ValidationException.of("apiUrl", api, "is not an http(s) URL without credentials",
                    "give the API root, e.g. https://ghe.example.com/api/v3");
        }
        Matcher m = GITLAB.matcher(path);
        if (m.matches()) {
            return new PullRequestUrl(new RepositoryAddress(ProviderKind.GITLAB, URI.create(api != null ? api
                    : origin + "/api/v4"), m.group(1)), number(m.group(2), field, given), page);
        }
        m = GITHUB.matcher(path);
        if (m.matches()) {
            String root = api != null ? api : uri.getHost().equalsIgnoreCase("github.com") ? "https://api.github.com"
                    : origin + m.group(1) + "/api/v3";
            return new PullRequestUrl(new RepositoryAddress(ProviderKind.GITHUB, URI.create(root), m.group(2) + "/"
                    + m.group(3)), number(m.group(4), field, given), page);
        }
        m = GITEA.matcher(path);
        if (m.matches()) {
            return new PullRequestUrl(new RepositoryAddress(ProviderKind.GITEA, URI.create(api != null ? api
                    : origin + m.group(1) + "/api/v1"), m.group(2) + "/" + m.group(3)), number(m.group(4), field,
                    given), page);
        }
        throw notAPullRequest(field, given);
    }

    private static int number(String digits, String field, String url) {
        try {
            int n = Integer.parseInt(digits);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw notAPullRequest(field, url);
    }

    private static ValidationException notAPullRequest(String field, String url) {
        return ValidationException.of(field, RemoteUrls.withoutCredentials(url), "is not a pull request page",
                "give the page GitHub (…/owner/repo/pull/41), GitLab (…/group/project/-/merge_requests/7) or "
                        + "Gitea/Forgejo (…/owner/repo/pulls/3) shows, as the promote step's pullRequest.url returns");
    }
}
