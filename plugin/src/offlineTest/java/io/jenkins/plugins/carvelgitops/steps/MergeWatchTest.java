package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a wait for a merge keeps across a controller restart (it is serialized with its step execution):
 * the page, the API root, the credential ID and the deadline. The client, which holds the token, is made
 * again after a restart (its field is transient; a constructed watch has none yet).
 */
class MergeWatchTest {

    private static final String PAGE = "https://ghe.example.com/acme/gitops/pull/41";
    private static final String API = "https://ghe.example.com/github/api/v3";

    static MergeWatch roundTrip(MergeWatch watch) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(watch);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (MergeWatch) in.readObject();
        }
    }

    @Test
    void aRestoredWaitHasTheSamePageApiAndDeadline() throws Exception {
        MergeWatch watch = new MergeWatch("carvelGitopsPromote", PAGE, API, "gitops-token", Duration.ofMinutes(30));

        MergeWatch restored = roundTrip(watch);

        assertThat(restored.status()).isEqualTo(watch.status()).startsWith("waiting for " + PAGE
                + " to be merged until ");
        assertThat(restored.provider()).isEqualTo(ProviderKind.GITHUB);
    }

    @Test
    void whatIsPersistedIsThePageTheApiAndTheCredentialIdNotAClient() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new MergeWatch("carvelGitopsPromote", PAGE, API, "gitops-token", Duration.ofMinutes(5)));
        }
        String persisted = bytes.toString(StandardCharsets.ISO_8859_1);
        assertThat(persisted).contains("gitops-token", PAGE, API).doesNotContain("PullRequestHost");
    }

    @Test
    void aPageThatIsNoPullRequestFailsTheStepInOneLine() {
        assertThatThrownBy(() -> new MergeWatch("carvelGitopsPromote", "https://github.com/acme/gitops", null,
                "gitops-token", Duration.ofMinutes(5)))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("carvelGitopsPromote: url: ")
                .hasMessageNotContaining("\n");
    }
}
