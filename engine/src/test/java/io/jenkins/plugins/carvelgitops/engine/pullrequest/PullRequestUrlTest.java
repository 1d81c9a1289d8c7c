package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PullRequestUrlTest {

    @ParameterizedTest
    @CsvSource({
        "https://github.com/acme/gitops/pull/41, , GITHUB, https://api.github.com, acme/gitops, 41",
        "https://github.com/acme/gitops/pull/41/files?x=1#d, , GITHUB, https://api.github.com, acme/gitops, 41",
        "https://ghe.acme.example/acme/gitops/pull/7, , GITHUB, https://ghe.acme.example/api/v3, acme/gitops, 7",
        "https://ghe.acme.example/acme/gitops/pull/7, https://api.ghe.acme.example/, GITHUB, https://api.ghe.acme.example, acme/gitops, 7",
        "https://gitlab.com/group/sub/gitops/-/merge_requests/12, , GITLAB, https://gitlab.com/api/v4, group/sub/gitops, 12",
        "http://git.acme.example:8080/g/p/-/merge_requests/3/diffs, , GITLAB, http://git.acme.example:8080/api/v4, g/p, 3",
        "https://codeberg.org/acme/gitops/pulls/3, , GITEA, https://codeberg.org/api/v1, acme/gitops, 3",
        "https://git.acme.example/forgejo/acme/gitops/pulls/9, , GITEA, https://git.acme.example/forgejo/api/v1, acme/gitops, 9",
    })
    void aPullRequestPageGivesProviderRepositoryAndApiRoot(String url, String apiUrl, ProviderKind kind, String api,
            String path, int number) {
        PullRequestUrl parsed = PullRequestUrl.parse(url, apiUrl, "url");

        assertThat(parsed.address().kind()).isEqualTo(kind);
        assertThat(parsed.address().apiRoot()).hasToString(api);
        assertThat(parsed.address().path()).isEqualTo(path);
        assertThat(parsed.number()).isEqualTo(number);
        assertThat(parsed.url()).doesNotContain("?").doesNotContain("#");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "github.com/acme/gitops/pull/41", "https://github.com/acme/gitops",
        "https://github.com/acme/gitops/pull/0", "https://github.com/acme/gitops/pull/x", "ssh://github.com/a/b/pull/1",
        "https://gitlab.com/-/merge_requests/3", "https://github.com/acme/gitops/issues/4"})
    void anythingElseIsRefusedNamingTheFieldAndTheFix(String url) {
        assertThatThrownBy(() -> PullRequestUrl.parse(url, null, "url")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("url").hasMessageContaining("pull");
    }

    @org.junit.jupiter.api.Test
    void credentialsInThePageAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> PullRequestUrl.parse("https://bot:s3cr3t@github.com/a/b/pull/1", null, "url"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("carries credentials")
                .hasMessageNotContaining("s3cr3t");
    }
}
