package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullRequestSettingsTest {

    private static PullRequestSettings parse(String yaml) {
        return PullRequestSettings.fromTree(SafeYaml.parseSingle(yaml, "carvel-gitops.yaml"), "carvel-gitops.yaml");
    }

    @Test
    void readsProviderStagesLabelsReviewersAndAutoMerge() {
        PullRequestSettings s = parse("""
                repository: {url: https://ghe.acme.example/a/b.git, provider: github, apiUrl: https://ghe.acme.example/api/v3/}
                stages:
                  - {name: qa}
                  - {name: prod, pullRequest: true}
                pullRequests: {labels: [promotion, prod], reviewers: [alice], autoMerge: true}
                """);
        assertThat(s.provider()).isEqualTo(ProviderKind.GITHUB);
        assertThat(s.apiUrl()).isEqualTo("https://ghe.acme.example/api/v3");
        assertThat(s.required("prod")).isTrue();
        assertThat(s.required("qa")).isFalse();
        assertThat(s.labels()).containsExactly("promotion", "prod");
        assertThat(s.reviewers()).containsExactly("alice");
        assertThat(s.autoMerge()).isTrue();
    }

    @Test
    void noSettingsMeanNoPullRequests() {
        PullRequestSettings s = parse("repository: {url: https://github.com/a/b.git}\nstages: [{name: prod}]\n");
        assertThat(s.required("prod")).isFalse();
        assertThat(s.provider()).isNull();
    }

    @Test
    void reportsEveryBadSettingWithFieldAndFix() {
        assertThatThrownBy(() -> parse("""
                repository: {url: x, provider: bitbucket, apiUrl: "ftp://x"}
                stages: [{name: prod, pullRequest: "yes"}]
                pullRequests: {labels: promotion, autoMerge: 1, reviewer: [a]}
                """)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).hasSize(6))
                .hasMessageContaining("repository.provider").hasMessageContaining("use github, gitlab, gitea or forgejo")
                .hasMessageContaining("repository.apiUrl").hasMessageContaining("stages[prod].pullRequest")
                .hasMessageContaining("pullRequests.labels").hasMessageContaining("pullRequests.autoMerge")
                .hasMessageContaining("pullRequests.reviewer");
    }

    @Test
    void overridesReachEveryPullRequestKey(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("carvel-gitops.yaml"), """
                repository: {url: https://git.acme.example/a/b.git}
                stages:
                  - {name: qa, pullRequest: true}
                  - {name: prod}
                """);
        PullRequestSettings s = PullRequestSettings.read(file, "carvel-gitops.yaml", ConfigOverrides.parse(List.of(
                "repository.provider=gitlab", "repository.apiUrl=https://git.acme.example/api/v4/",
                "stages.prod.pullRequest=true", "stages.qa.pullRequest=", "pullRequests.labels=[promotion, prod]",
                "pullRequests.reviewers=[alice]", "pullRequests.autoMerge=true")));

        assertThat(s.provider()).isEqualTo(ProviderKind.GITLAB);
        assertThat(s.apiUrl()).isEqualTo("https://git.acme.example/api/v4");
        assertThat(s.required("prod")).isTrue();
        assertThat(s.required("qa")).as("an empty value unsets the file's pullRequest: true").isFalse();
        assertThat(s.labels()).containsExactly("promotion", "prod");
        assertThat(s.reviewers()).containsExactly("alice");
        assertThat(s.autoMerge()).isTrue();
        assertThat(PullRequestSettings.read(file, "carvel-gitops.yaml", ConfigOverrides.NONE).required("qa")).isTrue();
    }

    @Test
    void aBadOverrideIsNamedAsTheOverride(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("carvel-gitops.yaml"), "repository: {url: https://github.com/a/b}\n"
                + "stages: [{name: prod}]\n");
        assertThatThrownBy(() -> PullRequestSettings.read(file, "carvel-gitops.yaml", ConfigOverrides.parse(
                List.of("repository.provider=bitbucket")))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("{override} repository.provider").hasMessageContaining("use github, gitlab, gitea");
    }
}
