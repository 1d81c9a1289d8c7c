package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.git.CommitNames;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyPlansTest {

    static final String SHA_A = "a".repeat(40);
    static final String SHA_B = "b".repeat(40);

    private static Delivery pushed(String kind, List<String> stages, String sha, String version) {
        return Delivery.builder(kind, "app.default.tap", version).stages(stages).commit(sha, true)
                .repository(null, "main").build();
    }

    @Test
    void recordedDeliveriesAtOneCommitAreOneRequest() {
        Map<String, Delivery> byStage = new LinkedHashMap<>();
        Delivery render = pushed("render", List.of("staging", "prod"), SHA_A, "1.2.3");
        byStage.put("staging", render);
        byStage.put("prod", render);
        VerifyTargets t = VerifyTargets.of(List.of(), null, byStage);

        LinkedHashMap<String, List<String>> groups = VerifyPlans.byRevision(t, rev -> {
            throw new AssertionError("full SHAs need no lookup");
        });

        assertThat(groups).containsExactly(Map.entry(SHA_A, List.of("staging", "prod")));
    }

    @Test
    void recordedDeliveriesAtDifferentCommitsAreOneRequestEach() {
        Map<String, Delivery> byStage = new LinkedHashMap<>();
        byStage.put("staging", pushed("render", List.of("staging"), SHA_A, "1.2.3"));
        byStage.put("prod", pushed("promote", List.of("prod"), SHA_B.toUpperCase(), "1.2.3"));
        byStage.put("qa", pushed("render", List.of("qa"), SHA_A, "1.2.3"));
        VerifyTargets t = VerifyTargets.of(List.of(), null, byStage);

        assertThat(VerifyPlans.byRevision(t, rev -> rev)).containsExactly(
                Map.entry(SHA_A, List.of("staging", "qa")), Map.entry(SHA_B, List.of("prod")));
    }

    @Test
    void shortAndFullFormsOfOneCommitAreOneRequest() {
        VerifyTargets t = VerifyTargets.of(List.of("staging", "prod"), "aaaaaaa", Map.of());
        List<String> looked = new ArrayList<>();

        LinkedHashMap<String, List<String>> groups = VerifyPlans.byRevision(t, rev -> {
            looked.add(rev);
            return SHA_A;
        });

        assertThat(groups).containsExactly(Map.entry(SHA_A, List.of("staging", "prod")));
        assertThat(looked).containsExactly("aaaaaaa", "aaaaaaa");
        VerifyTargets head = VerifyTargets.of(List.of("qa"), null, Map.of());
        assertThat(VerifyPlans.byRevision(head, rev -> rev)).containsOnlyKeys((String) null);
    }

    @Test
    void theRecordedVersionReplacesWhatTheCommitPins() {
        VerifyTargets t = VerifyTargets.of(List.of(), null, Map.of("staging",
                pushed("render", List.of("staging"), SHA_A, "1.3.0-rc.1")));
        VerifyRequest planned = VerifyOutcomeTest.request(SHA_A, "staging", "1.2.3");

        VerifyRequest r = VerifyPlans.withRecordedVersions(planned, t);

        assertThat(r.stages()).singleElement().satisfies(s -> {
            assertThat(s.version()).isEqualTo("1.3.0-rc.1");
            assertThat(s.kustomizations()).containsExactly("app-staging-packages", "app-staging-installs");
            assertThat(s.packageInstall()).isEqualTo("app");
        });
        assertThat(r.revision()).isEqualTo(SHA_A);
        assertThat(r.timeout()).isEqualTo(planned.timeout());
        VerifyTargets explicit = VerifyTargets.of(List.of("staging"), SHA_A, Map.of());
        assertThat(VerifyPlans.withRecordedVersions(planned, explicit).stages().get(0).version()).isEqualTo("1.2.3");
    }

    @Test
    void anAbbreviatedRevisionIsResolvedByTheEngineAgainstTheRepository(@TempDir Path dir) throws Exception {
        String first;
        String second;
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            first = commit(git, "one");
            second = commit(git, "two");
        }
        GitopsHistory history = GitopsHistories.open(dir);
        VerifyTargets t = VerifyTargets.of(List.of("staging", "prod"), first.substring(0, 7), Map.of());

        assertThat(VerifyPlans.byRevision(t, rev -> CommitNames.resolve(history, second, rev)))
                .containsExactly(Map.entry(first, List.of("staging", "prod")));
        VerifyTargets unknown = VerifyTargets.of(List.of("prod"), "0000000", Map.of());
        assertThatThrownBy(() -> VerifyPlans.byRevision(unknown, rev -> CommitNames.resolve(history, second, rev)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("revision: 0000000: is not a commit of the GitOps repository");
    }

    private static String commit(Git git, String message) throws Exception {
        return git.commit().setMessage(message).setAllowEmpty(true).setSign(false)
                .setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call().name();
    }
}
