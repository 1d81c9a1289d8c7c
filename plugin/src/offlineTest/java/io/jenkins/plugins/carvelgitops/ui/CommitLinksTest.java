package io.jenkins.plugins.carvelgitops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitLinksTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @ParameterizedTest
    @CsvSource({
        "https://github.com/acme/gitops.git, https://github.com/acme/gitops/commit/",
        "https://github.com/acme/gitops, https://github.com/acme/gitops/commit/",
        "git@github.com:acme/gitops.git, https://github.com/acme/gitops/commit/",
        "ssh://git@github.com/acme/gitops.git, https://github.com/acme/gitops/commit/",
        "https://gitlab.com/acme/platform/gitops.git, https://gitlab.com/acme/platform/gitops/-/commit/",
        "https://gitlab.example.com/acme/gitops.git, https://gitlab.example.com/acme/gitops/-/commit/",
        "https://bitbucket.org/acme/gitops.git, https://bitbucket.org/acme/gitops/commits/",
    })
    void knownHosts(String url, String prefix) {
        assertThat(CommitLinks.commitUrl(url, SHA)).isEqualTo(prefix + SHA);
    }

    @Test
    void unknownHostsLocalPathsAndOddInputGetNoLink() {
        assertThat(CommitLinks.commitUrl("https://git.example.com/acme/gitops.git", SHA)).isNull();
        assertThat(CommitLinks.commitUrl("./gitops-repo", SHA)).isNull();
        assertThat(CommitLinks.commitUrl("file:///srv/git/gitops.git", SHA)).isNull();
        assertThat(CommitLinks.commitUrl("https://github.com/acme/gitops.git", "HEAD")).isNull();
        assertThat(CommitLinks.commitUrl("https://github.com/acme/<script>.git", SHA)).isNull();
        assertThat(CommitLinks.commitUrl(null, SHA)).isNull();
    }

    @Test
    void userInfoNeverReachesTheLink() {
        assertThat(CommitLinks.commitUrl("https://someone@github.com/acme/gitops.git", SHA))
                .isEqualTo("https://github.com/acme/gitops/commit/" + SHA);
    }
}
