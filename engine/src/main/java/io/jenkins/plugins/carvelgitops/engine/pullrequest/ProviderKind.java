package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import java.util.Locale;
import java.util.Optional;

/** The Git hosting products whose pull (merge) requests a promotion can go through. */
public enum ProviderKind {
    GITHUB("GitHub"),
    GITLAB("GitLab"),
    GITEA("Gitea");

    private final String title;

    ProviderKind(String title) {
        this.title = title;
    }

    /** How messages name the provider. */
    public String title() {
        return title;
    }

    /** {@code github}, {@code gitlab}, {@code gitea} or {@code forgejo} (Gitea's API), case-insensitive. */
    public static Optional<ProviderKind> named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "github" -> Optional.of(GITHUB);
            case "gitlab" -> Optional.of(GITLAB);
            case "gitea", "forgejo" -> Optional.of(GITEA);
            default -> Optional.empty();
        };
    }

    /** The provider a host name gives away (github.com, gitlab.com, a host named gitlab…, codeberg.org…). */
    public static Optional<ProviderKind> fromHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("github.com") || h.startsWith("github.")) {
            return Optional.of(GITHUB);
        }
        if (h.equals("gitlab.com") || h.startsWith("gitlab.") || h.contains(".gitlab.")) {
            return Optional.of(GITLAB);
        }
        if (h.equals("codeberg.org") || h.startsWith("gitea.") || h.startsWith("forgejo.")
                || h.contains(".gitea.") || h.contains(".forgejo.")) {
            return Optional.of(GITEA);
        }
        return Optional.empty();
    }
}
