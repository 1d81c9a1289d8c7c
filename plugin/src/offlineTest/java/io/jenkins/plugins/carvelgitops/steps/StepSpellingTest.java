package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A promotion the engine refuses reads as a Pipeline script names the parameters, never as the CLI does. */
class StepSpellingTest {

    @TempDir
    Path workspace;

    @Test
    void aPromotionToAnUnknownStageNamesTheStepParameter() throws Exception {
        assertThatThrownBy(() -> promote(new PromoteSettings("nope"))).isInstanceOf(AbortException.class)
                .hasMessage("to: nope: is not a stage of " + workspace.resolve("carvel-gitops.yaml")
                        + "; use one of: staging, prod")
                .message().doesNotContain("--");
    }

    @Test
    void aPromotionFromTheStageItGoesToMentionsBothParametersTheStepsWay() throws Exception {
        PromoteSettings s = new PromoteSettings("prod");
        s.setFrom("prod");
        assertThatThrownBy(() -> promote(s))
                .hasMessage("from: prod: is the same stage as to:; promote from an earlier stage");
        assertThatThrownBy(() -> promote(new PromoteSettings("staging"))).hasMessage("to: staging: is the first "
                + "stage, so no stage comes before it; pass from: STAGE or version: VERSION");
    }

    @Test
    void everyParameterHasAStepSpellingWithoutAFlag() {
        for (Parameter p : Parameter.values()) {
            assertThat(StepSpelling.INSTANCE.label(p)).isNotBlank().doesNotStartWith("-");
            assertThat(StepSpelling.INSTANCE.mention(p)).isNotBlank().doesNotContain("--").doesNotContain("GIT_");
        }
        assertThat(StepSpelling.INSTANCE.spell("set {gitCredentials} to a user"))
                .isEqualTo("set a Git credential (credentialsId:) to a user");
        assertThat(StepSpelling.INSTANCE.spell("supply them at run time for stage prod: {secretValues}"))
                .isEqualTo("supply them at run time for stage prod: secretValues: [stageSecretValues(stage:, "
                        + "credentialsId:)] (a Secret file or Secret text credential)");
    }

    private Delivery promote(PromoteSettings s) throws Exception {
        HelloWorkspace.writeConfig(workspace);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
        TaskListener listener = () -> logger;
        ConfigInputs inputs = new ConfigInputs("carvel-gitops.yaml", Map.of(), Map.of());
        return new PromoteCallable(inputs, s, null, null, Map.of(), true, listener).invoke(workspace.toFile(), null);
    }
}
