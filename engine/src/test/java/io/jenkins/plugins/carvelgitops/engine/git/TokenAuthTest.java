package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenAuthTest {

    @Test
    void toStringAndRecordsHoldingItNeverShowTheToken() {
        TokenAuth auth = new TokenAuth("bot", "ghp_abcdef123456");
        assertThat(auth.toString()).isEqualTo("TokenAuth[username=bot, token=****]");
        RemoteOptions options = RemoteOptions.defaults(java.nio.file.Path.of("/c")).withAuth(auth, "GIT_TOKEN");
        assertThat(options.toString()).doesNotContain("ghp_abcdef123456").contains("username=bot");
        assertThat(auth.redact("bad ghp_abcdef123456 here")).isEqualTo("bad **** here");
    }

    @Test
    void refusesEmptyOrMultiLineValues() {
        assertThatThrownBy(() -> new TokenAuth("", "t")).hasMessage("the Git user name is empty");
        assertThatThrownBy(() -> new TokenAuth("u", " ")).hasMessage("the Git token is empty");
        assertThatThrownBy(() -> new TokenAuth("u", "a\nb")).hasMessageNotContaining("a\nb")
                .hasMessageContaining("single lines");
    }

    @Test
    void urlsLoseTheirUserInfo() {
        assertThat(Urls.withoutCredentials("https://u:secret@git.example.com/a.git")).isEqualTo("https://git.example.com/a.git");
        assertThat(Urls.withoutCredentials("https://git.example.com/a.git")).isEqualTo("https://git.example.com/a.git");
        assertThat(Urls.withoutCredentials("git@github.com:acme/a.git")).isEqualTo("git@github.com:acme/a.git");
    }

    @Test
    void retryDelaysGrowWithJitterAndStayCapped() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(policy.delayAfter(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(policy.delayAfter(1, () -> 0.999)).isEqualTo(Duration.ofMillis(99));
        assertThat(policy.delayAfter(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.delayAfter(9, () -> 0.999)).isLessThanOrEqualTo(Duration.ofMillis(1000));
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("at least 1");
    }

    @Test
    void lostRaceMessagesAreRecognised() {
        assertThat(JGitRemote.lostRace("invalid old id sent")).isTrue();
        assertThat(JGitRemote.lostRace("failed to lock")).isTrue();
        assertThat(JGitRemote.lostRace("already exists")).isTrue();
        assertThat(JGitRemote.lostRace("cannot lock ref 'refs/heads/main'")).isTrue();
        assertThat(JGitRemote.lostRace("pre-receive hook declined")).isFalse();
    }
}
