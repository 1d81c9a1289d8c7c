package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepositoryAddressTest {

    private static RepositoryAddress of(String url, ProviderKind provider, String apiUrl) {
        return RepositoryAddress.of(url, new PullRequestSettings(provider, apiUrl, Set.of(), List.of(), List.of(),
                false), "carvel-gitops.yaml");
    }

    @Test
    void githubDotComUsesApiGithubCom() {
        RepositoryAddress a = of("https://github.com/acme/gitops.git", null, null);
        assertThat(a.kind()).isEqualTo(ProviderKind.GITHUB);
        assertThat(a.apiRoot()).hasToString("https://api.github.com");
        assertThat(a.owner() + "|" + a.name()).isEqualTo("acme|gitops");
        assertThat(of("git@github.com:acme/gitops.git", null, null).path()).isEqualTo("acme/gitops");
        assertThat(of("ssh://git@github.com/acme/gitops", null, null).apiRoot()).hasToString("https://api.github.com");
    }

    @Test
    void enterpriseServerKeepsItsApiUnderApiV3OnTheSameHost() {
        RepositoryAddress a = of("https://ghe.acme.example/platform/gitops.git", ProviderKind.GITHUB, null);
        assertThat(a.apiRoot()).hasToString("https://ghe.acme.example/api/v3");
        assertThat(of("https://github.acme.example:8443/platform/gitops", null, null).apiRoot())
                .hasToString("https://github.acme.example:8443/api/v3");
    }

    @Test
    void gitlabKeepsTheWholeGroupPath() {
        RepositoryAddress a = of("https://gitlab.com/acme/platform/gitops.git", null, null);
        assertThat(a.kind()).isEqualTo(ProviderKind.GITLAB);
        assertThat(a.path()).isEqualTo("acme/platform/gitops");
        assertThat(a.apiRoot()).hasToString("https://gitlab.com/api/v4");
    }

    @Test
    void giteaAndForgejoAreOneProvider() {
        assertThat(of("https://codeberg.org/acme/gitops.git", null, null).apiRoot())
                .hasToString("https://codeberg.org/api/v1");
        assertThat(ProviderKind.named("Forgejo")).contains(ProviderKind.GITEA);
        assertThat(of("https://git.acme.example/acme/gitops.git", ProviderKind.GITEA, "https://git.acme.example/api/v1/")
                .apiRoot()).hasToString("https://git.acme.example/api/v1");
    }

    @Test
    void anUnknownHostNeedsTheProviderInTheConfig() {
        assertThatThrownBy(() -> of("https://git.acme.example/acme/gitops.git", null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("repository.provider")
                .hasMessageContaining("git.acme.example");
    }
}
