package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pull request settings of {@code carvel-gitops.yaml}: {@code repository.provider},
 * {@code repository.apiUrl}, {@code stages[].pullRequest} and the optional {@code pullRequests:}
 * section ({@code labels}, {@code reviewers}, {@code autoMerge}).
 *
 * @param provider  the configured provider; null: detect it from the repository URL
 * @param apiUrl    the provider's API root when it is not where the URL suggests; null for the default
 * @param stages    stages that change only through a pull request
 * @param labels    labels put on each new pull request
 * @param reviewers user names asked to review each new pull request
 * @param autoMerge turn on the provider's auto-merge, so it merges once the branch rules allow
 */
public record PullRequestSettings(ProviderKind provider, String apiUrl, Set<String> stages, List<String> labels,
        List<String> reviewers, boolean autoMerge) {

    public static final PullRequestSettings NONE = new PullRequestSettings(null, null, Set.of(), List.of(), List.of(),
            false);

    static final Set<String> SECTION_KEYS = Set.of("labels", "reviewers", "autoMerge");

    public PullRequestSettings {
        stages = Set.copyOf(stages);
        labels = List.copyOf(labels);
        reviewers = List.copyOf(reviewers);
    }

    /** Whether a change to {@code stage} must go through a pull request. */
    public boolean required(String stage) {
        return stages.contains(stage);
    }

    /**
     * Reads the settings of a config file that {@code ConfigLoader} has accepted, with the same overrides
     * ({@code --set repository.provider=gitlab}, {@code --set stages.prod.pullRequest=true},
     * {@code --set pullRequests.labels=[promotion]}); a bad value an override set names the override.
     */
    public static PullRequestSettings read(Path configFile, String label, ConfigOverrides overrides) {
        Object tree = SafeYaml.readSingle(configFile, label);
        return overrides.attributing(label, () -> fromTree(overrides.applyTo(tree, label), label));
    }

    /** Every problem of the settings at once, as one-line errors naming file, field and fix. */
    static PullRequestSettings fromTree(Object tree, String label) {
        if (!(tree instanceof Map<?, ?> top)) {
            return NONE;
        }
        Problems problems = new Problems();
        ProviderKind provider = null;
        String apiUrl = null;
        if (top.get("repository") instanceof Map<?, ?> repository) {
            Object name = repository.get("provider");
            if (name != null) {
                provider = ProviderKind.named(String.valueOf(name)).orElse(null);
                if (provider == null) {
                    problems.add(label, "repository.provider", "'" + name + "' is not a provider",
                            "use github, gitlab, gitea or forgejo");
                }
            }
            Object api = repository.get("apiUrl");
            if (api != null) {
                apiUrl = String.valueOf(api).replaceAll("/+$", "");
                if (!apiUrl.matches("https?://[^/@\\s]+(/\\S*)?")) {
                    problems.add(label, "repository.apiUrl", "'" + api + "' is not an http(s) URL without "
                            + "credentials", "give the API root, e.g. https://ghe.example.com/api/v3");
                }
            }
        }
        Set<String> stages = new LinkedHashSet<>();
        if (top.get("stages") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> stage && stage.containsKey("pullRequest")) {
                    Object flag = stage.get("pullRequest");
                    if (!(flag instanceof Boolean)) {
                        problems.add(label, "stages[" + stage.get("name") + "].pullRequest", "must be true or false, "
                                + "found " + flag, "write pullRequest: true for a stage changed only by pull requests");
                    } else if ((Boolean) flag) {
                        stages.add(String.valueOf(stage.get("name")));
                    }
                }
            }
        }
        List<String> labels = List.of();
        List<String> reviewers = List.of();
        boolean autoMerge = false;
        Object section = top.get("pullRequests");
        if (section != null && !(section instanceof Map<?, ?>)) {
            problems.add(label, "pullRequests", "must be a mapping", "write labels:, reviewers: or autoMerge: under it");
        } else if (section instanceof Map<?, ?> s) {
            for (Object key : s.keySet()) {
                if (!SECTION_KEYS.contains(String.valueOf(key))) {
                    problems.add(label, "pullRequests." + key, "is not a known key",
                            "use one of " + String.join(", ", SECTION_KEYS.stream().sorted().toList()));
                }
            }
            labels = names(s.get("labels"), label, "pullRequests.labels", problems);
            reviewers = names(s.get("reviewers"), label, "pullRequests.reviewers", problems);
            Object flag = s.get("autoMerge");
            if (flag != null && !(flag instanceof Boolean)) {
                problems.add(label, "pullRequests.autoMerge", "must be true or false, found " + flag,
                        "write autoMerge: true or leave it out");
            }
            autoMerge = Boolean.TRUE.equals(flag);
        }
        problems.throwIfAny();
        return new PullRequestSettings(provider, apiUrl, stages, labels, reviewers, autoMerge);
    }

    private static List<String> names(Object raw, String label, String field, Problems problems) {
        List<String> names = new ArrayList<>();
        if (raw == null) {
            return names;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(label, field, "must be a list of names", "write e.g. " + field.substring(field.indexOf('.') + 1)
                    + ": [promotion]");
            return names;
        }
        for (Object item : list) {
            if (!(item instanceof String name) || name.isBlank() || name.length() > 100 || name.contains(",")) {
                problems.add(label, field, "lists '" + item + "', which is not a name", "list plain names, one each");
            } else {
                names.add(name.strip());
            }
        }
        return names;
    }
}
