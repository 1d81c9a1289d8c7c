package io.jenkins.plugins.carvelgitops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalDefaultsTest {

    @Test
    void onlySetValuesBecomeConfigKeys() {
        assertThat(GlobalDefaults.of(" https://git.example.com/g.git ", "", "build-ns")).containsExactly(
                Map.entry("repository.url", "https://git.example.com/g.git"), Map.entry("flux.namespace", "build-ns"));
        assertThat(GlobalDefaults.of(null, null, null)).isEmpty();
    }

    @Test
    void repositoryUrlsWithCredentialsOrNoSchemeAreRefused() {
        assertThat(GlobalDefaults.repositoryUrlProblem("https://git.example.com/acme/gitops.git")).isNull();
        assertThat(GlobalDefaults.repositoryUrlProblem("git@github.com:acme/gitops.git")).isNull();
        assertThat(GlobalDefaults.repositoryUrlProblem("")).isNull();
        assertThat(GlobalDefaults.repositoryUrlProblem("https://user:tok@git.example.com/g.git"))
                .startsWith("embeds credentials");
        assertThat(GlobalDefaults.repositoryUrlProblem("https://tok@git.example.com/g.git"))
                .startsWith("embeds credentials");
        assertThat(GlobalDefaults.repositoryUrlProblem("https://bot:t/k@git.example.com/g.git"))
                .startsWith("embeds credentials");
        assertThat(GlobalDefaults.repositoryUrlProblem("https://git.example.com/g.git?access_token=t"))
                .startsWith("embeds credentials");
        assertThat(GlobalDefaults.repositoryUrlProblem("gitops")).startsWith("is not a Git URL");
    }
}
