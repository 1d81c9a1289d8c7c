package io.jenkins.plugins.carvelgitops.engine.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code carvel-gitops.yaml}: one delivered package, its GitOps repository, Flux and ordered stages.
 *
 * @param source       how the file is named in error messages
 * @param packageName  the Package refName
 * @param install      the PackageInstall name; null means {@code values.workload_name} (TAP packages)
 * @param packageFile  the Package CR file, resolved against the config's folder; null when not set
 * @param shortenNames true: a Kustomization name over 63 characters becomes {@code <prefix>-<hash>}
 */
public record GitopsConfig(String source, String packageName, String install, String packageFile,
        boolean shortenNames, RepositorySpec repository, FluxSpec flux, CommitSpec commit, List<StageSpec> stages) {

    public GitopsConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(flux, "flux");
        Objects.requireNonNull(commit, "commit");
        stages = List.copyOf(stages);
    }

    public Optional<String> explicitInstall() {
        return Optional.ofNullable(install);
    }

    public Optional<StageSpec> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Index of a stage in promotion order, or -1. */
    public int indexOf(String stageName) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(stageName)) {
                return i;
            }
        }
        return -1;
    }

    /** The URL Flux clones: {@code flux.url}, else {@code repository.url}. */
    public String fluxSourceUrl() {
        return flux.explicitUrl().orElse(repository.url());
    }

    /** Flux's source-controller clones only http(s) and ssh; anything else cannot be a GitRepository. */
    public boolean fluxCanClone() {
        String url = fluxSourceUrl();
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("ssh://");
    }
}
