package io.jenkins.plugins.carvelgitops.engine.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.bootstrap.Bootstrap;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documents outcomes give the CLI's JSON and the Jenkins steps' return values: plain values only, in
 * the order written, and each outcome's keys.
 */
class DocumentsTest {

    @Test
    void valuesArePlainSoAPipelineCanKeepThem() {
        Map<String, Object> unordered = new HashMap<>();
        unordered.put("b", 2);
        unordered.put("a", 1);
        LinkedHashMap<String, Object> m = new Document().put("int", 3).put("state", State.TIMED_OUT)
                .put("took", Duration.ofMillis(1500)).put("list", List.of(1, "x")).put("map", unordered)
                .put("nested", new Document().put("n", (short) 4)).putIf(false, "absent", "x").map();
        assertThat(m.keySet()).containsExactly("int", "state", "took", "list", "map", "nested");
        assertThat(m.get("int")).isEqualTo(3L);
        assertThat(m.get("state")).isEqualTo("timedOut");
        assertThat(m.get("took")).isEqualTo(1.5);
        assertThat(m.get("list")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, "x"));
        assertThat(m.get("map")).isInstanceOf(LinkedHashMap.class);
        assertThat(List.copyOf(((Map<?, ?>) m.get("map")).keySet())).isEqualTo(List.of("a", "b"));
        assertThat(m.get("nested")).isEqualTo(Map.of("n", 4L));
        assertThatThrownBy(() -> new Document().put("x", new Object())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyStateHasOneWordAndOlderSpellingsAreRead() {
        assertThat(List.of(State.values())).extracting(State::word)
                .containsExactly("ready", "unknown", "progressing", "timedOut", "canceled", "failed");
        assertThat(State.ofWord("NOT_READY")).isEqualTo(State.PROGRESSING);
        assertThat(State.ofWord("ABORTED")).isEqualTo(State.CANCELED);
        assertThat(State.ofWord("TIMED_OUT")).isEqualTo(State.TIMED_OUT);
        assertThat(State.ofWord("timedOut")).isEqualTo(State.TIMED_OUT);
        assertThatThrownBy(() -> State.ofWord("done")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPromotionNamesWhereFromWhereToAndTheDiffOnlyForADryRun() {
        CommitResult commit = new CommitResult("89abcdef0123456789abcdef0123456789abcdef", true,
                List.of(new FileChange("app/prod/packageinstall.yaml", FileChange.Kind.MODIFIED, "a", "b")), "--- a\n");
        LinkedHashMap<String, Object> m = new PromoteOutcome("app", "1.2.3", "staging", "prod", "1.2.2", false, commit,
                false).toDocument().map();
        assertThat(m.keySet()).containsExactly("package", "version", "stages", "from", "to", "previous", "downgrade",
                "dryRun", "commit", "changed", "changedFiles");
        assertThat(m).containsEntry("stages", List.of("prod")).containsEntry("changed", true)
                .containsEntry("changedFiles", List.of("app/prod/packageinstall.yaml"));
        CommitResult planned = new CommitResult(null, false, commit.changes(), "--- a\n");
        assertThat(new PromoteOutcome("app", "1.2.3", null, "prod", "1.4.0", true, planned, true).toDocument().map())
                .containsEntry("changed", true).containsEntry("diff", "--- a\n").containsEntry("from", null);
    }

    @Test
    void aBootstrapNamesEachObjectAndWhatTheApplyDid() {
        Manifest secret = new Manifest("v1", "Secret", "build-ns", "app-gitops-auth", Map.of());
        Manifest ns = new Manifest("v1", "Namespace", null, "apps", Map.of());
        List<Bootstrap.Planned> planned = List.of(new Bootstrap.Planned("build", null, secret),
                new Bootstrap.Planned("prod", "prod", ns));
        List<ClusterAccess.Applied> applied = List.of(
                new ClusterAccess.Applied(new ObjectRef("v1", "Secret", "build-ns", "app-gitops-auth"),
                        ClusterAccess.Applied.Outcome.CREATED),
                new ClusterAccess.Applied(new ObjectRef("v1", "Namespace", null, "apps"),
                        ClusterAccess.Applied.Outcome.UNCHANGED));
        LinkedHashMap<String, Object> m = new Bootstrap.Result(planned, applied, List.of("w"), false).toDocument().map();
        assertThat(m).containsEntry("dryRun", false).containsEntry("warnings", List.of("w"));
        assertThat(m.get("objects")).isEqualTo(List.of(
                Map.of("cluster", "build", "object", "Secret/build-ns/app-gitops-auth", "result", "created"),
                Map.of("cluster", "prod", "object", "Namespace/apps", "result", "unchanged")));
        List<?> dry = (List<?>) new Bootstrap.Result(planned, List.of(), List.of(), true).toDocument().map().get("objects");
        assertThat(dry.stream().map(o -> ((Map<?, ?>) o).get("result")).toList()).isEqualTo(List.of("planned", "planned"));
    }
}
