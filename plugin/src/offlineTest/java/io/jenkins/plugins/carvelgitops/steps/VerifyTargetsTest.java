package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyTargetsTest {

    private static Delivery pushed(String stage, String sha, String version) {
        return Delivery.builder("render", "app.default.tap", version).stages(List.of(stage)).commit(sha, true)
                .repository(null, "main").build();
    }

    @Test
    void withoutStagesItVerifiesWhatTheBuildPushed() {
        Map<String, Delivery> byStage = new LinkedHashMap<>();
        byStage.put("staging", pushed("staging", "aaaaaaa111", "1.2.3"));
        byStage.put("prod", pushed("prod", "bbbbbbb222", "1.2.2"));
        VerifyTargets t = VerifyTargets.of(List.of(), null, byStage);
        assertThat(t.stages()).containsExactly("staging", "prod");
        assertThat(t.revision("prod")).isEqualTo("bbbbbbb222");
        assertThat(t.version("staging")).isEqualTo("1.2.3");
        assertThat(t.describe()).isEqualTo("staging at aaaaaaa (1.2.3), prod at bbbbbbb (1.2.2)");
    }

    @Test
    void anExplicitRevisionWinsAndLeavesTheVersionToTheCommit() {
        VerifyTargets t = VerifyTargets.of(List.of("prod"), "ccccccc", Map.of("prod", pushed("prod", "b", "1.0.0")));
        assertThat(t.revision("prod")).isEqualTo("ccccccc");
        assertThat(t.version("prod")).isNull();
        assertThat(VerifyTargets.of(List.of("qa"), null, Map.of()).describe()).isEqualTo("qa at the branch head");
    }

    @Test
    void nothingPushedAndNoStagesIsAnError() {
        assertThatThrownBy(() -> VerifyTargets.of(List.of(), null, Map.of()))
                .hasMessageStartingWith("nothing to verify: no earlier step of this build pushed a commit");
    }

    @Test
    void settingsCheckRevisionAndTimeout() {
        VerifySettings s = new VerifySettings();
        s.setStages("staging");
        s.setRevision("HEAD~1");
        s.setTimeout("10m");
        assertThatThrownBy(s::checkedRevision).hasMessage("revision: 'HEAD~1' is not a commit SHA");
        assertThat(s.timeoutDuration()).hasMinutes(10);
        PromoteSettings p = new PromoteSettings("prod");
        p.setFrom("Staging");
        assertThatThrownBy(p::check).hasMessageStartingWith("from: 'Staging' ");
    }
}
