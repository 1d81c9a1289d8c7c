package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.git.Urls;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a GitOps repository's pull requests live: provider, API root and the repository's path there.
 *
 * @param kind    the provider
 * @param apiRoot the REST API root, without a trailing slash (https://api.github.com, …/api/v3, …/api/v4, …/api/v1)
 * @param path    {@code owner/repo} (GitHub, Gitea) or the project's full path (GitLab, groups included)
 */
public record RepositoryAddress(ProviderKind kind, URI apiRoot, String path) {

    private static final Pattern SCP = Pattern.compile("^[A-Za-z0-9._-]+@([^:/]+):(.+)$");

    /** The owner (GitHub, Gitea). */
    public String owner() {
        return path.substring(0, path.lastIndexOf('/'));
    }

    /** The repository name (GitHub, Gitea). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Derives the address from the repository URL (https, http, ssh or scp-like) and the settings: the
     * provider as configured or as the host name tells, the API where that provider keeps it on that host.
     */
    public static RepositoryAddress of(String gitUrl, PullRequestSettings settings, String configLabel) {
        String scheme;
        String authority;
        String rawPath;
        Matcher scp = SCP.matcher(gitUrl);
        if (scp.matches()) {
            scheme = "https";
            authority = scp.group(1);
            rawPath = scp.group(2);
        } else {
            URI uri;
            try {
                uri = URI.create(gitUrl);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of(configLabel, "repository.url", "'" + Urls.withoutCredentials(gitUrl)
                        + "' is not a URL", "give the repository's https or ssh URL");
            }
            if (uri.getHost() == null || uri.getPath() == null) {
                throw ValidationException.of(configLabel, "repository.url", "'" + Urls.withoutCredentials(gitUrl)
                        + "' names no host, so it has no pull requests", "use the hosted repository's https URL");
            }
            scheme = uri.getScheme().startsWith("http") ? uri.getScheme() : "https";
            authority = uri.getHost() + (uri.getPort() > 0 && scheme.startsWith("http") ? ":" + uri.getPort() : "");
            rawPath = uri.getPath();
        }
        String path = rawPath.replaceAll("^/+", "").replaceAll("/+$", "").replaceAll("\\.git$", "");
        String host = authority.replaceAll(":\\d+$", "");
        ProviderKind kind = settings.provider() != null ? settings.provider() : ProviderKind.fromHost(host)
                .orElseThrow(() -> ValidationException.of(configLabel, "repository.provider", "is not set and the "
                        + "host " + host + " does not say which provider serves it", "set repository.provider: "
                        + "github, gitlab or gitea"));
        if (kind != ProviderKind.GITLAB) {
            String[] parts = path.split("/");
            if (parts.length < 2) {
                throw ValidationException.of(configLabel, "repository.url", "'" + Urls.withoutCredentials(gitUrl)
                        + "' has no owner/repository path", "use the URL " + kind.title() + " shows for the repository");
            }
            path = parts[parts.length - 2] + "/" + parts[parts.length - 1];
        }
        String api = settings.apiUrl() != null ? settings.apiUrl() : switch (kind) {
            case GITHUB -> host.equals("github.com") ? "https://api.github.com" : scheme + "://" + authority + "/api/v3";
            case GITLAB -> scheme + "://" + authority + "/api/v4";
            case GITEA -> scheme + "://" + authority + "/api/v1";
        };
        return new RepositoryAddress(kind, URI.create(api.replaceAll("/+$", "")), path);
    }
}
