package io.jenkins.plugins.carvelgitops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The one place each parameter set is normalised: the steps and the freestyle builders bind their
 * fields to these settings, so trimming, defaults, checks and variable expansion are tested once.
 */
class SettingsTest {

    private static final UnaryOperator<String> ENV = s -> s.replace("${STAGE}", "prod").replace("${V}", "1.2.3");

    @Test
    void renderTrimsAndTreatsBlankAsUnset() {
        RenderSettings s = new RenderSettings();
        s.setConfig("  deploy/carvel-gitops.yaml ");
        s.setPackageFile("   ");
        s.setStages(" staging, prod ");
        s.setCredentialsId("");
        assertThat(s.getConfig()).isEqualTo("deploy/carvel-gitops.yaml");
        assertThat(s.getPackageFile()).isNull();
        assertThat(s.getCredentialsId()).isNull();
        assertThat(s.stageList()).containsExactly("staging", "prod");
        s.setStages("Prod");
        assertThatThrownBy(s::stageList).hasMessageStartingWith("stages: 'Prod' ");
    }

    @Test
    void expansionCoversTextFieldsButNeverTheCredentialId() {
        RenderSettings s = new RenderSettings();
        s.setStages("${STAGE}");
        s.setMessage("Deliver ${V}");
        s.setCredentialsId("${STAGE}-token");
        s.setDryRun(true);
        RenderSettings e = s.expanded(ENV);
        assertThat(e.getStages()).isEqualTo("prod");
        assertThat(e.getMessage()).isEqualTo("Deliver 1.2.3");
        assertThat(e.getCredentialsId()).isEqualTo("${STAGE}-token");
        assertThat(e.isDryRun()).isTrue();
        assertThat(s.getStages()).as("the bound settings stay as configured").isEqualTo("${STAGE}");
    }

    @Test
    void promoteRequiresToAndChecksStageNames() {
        assertThat(new PromoteSettings(null).getTo()).isEmpty();
        assertThatThrownBy(() -> new PromoteSettings("  ").check())
                .hasMessage("to: the stage to promote to is required");
        assertThatThrownBy(() -> new PromoteSettings("prod_eu").check()).hasMessageStartingWith("to: 'prod_eu' ");
        PromoteSettings s = new PromoteSettings(" ${STAGE} ");
        s.setVersion(" ${V}");
        s.setAllowDowngrade(true);
        s.setOverrides("repository.branch=release\n");
        PromoteSettings e = s.expanded(ENV);
        e.check();
        assertThat(e.getTo()).isEqualTo("prod");
        assertThat(e.getVersion()).isEqualTo("1.2.3");
        assertThat(e.isAllowDowngrade()).isTrue();
        assertThat(e.overrideMap()).isEqualTo(Map.of("repository.branch", "release"));
    }

    @Test
    void verifyDefaultsToReconcileAndFiveMinutes() {
        VerifySettings s = new VerifySettings();
        assertThat(s.isReconcile()).isTrue();
        assertThat(s.timeoutDuration()).hasMinutes(5);
        s.setTimeout("0s");
        assertThatThrownBy(s::timeoutDuration).hasMessage("timeout: must be longer than zero");
        s.setReconcile(false);
        s.setKubeconfigCredentialsId(" ${STAGE} ");
        VerifySettings e = s.expanded(ENV);
        assertThat(e.isReconcile()).isFalse();
        assertThat(e.getKubeconfigCredentialsId()).isEqualTo("${STAGE}");
        assertThat(e.getCredentialsId()).isNull();
    }

    @Test
    void verifyCarriesItsGitCredentialTrimmedAndUnexpanded() {
        VerifySettings s = new VerifySettings();
        s.setCredentialsId("  ");
        assertThat(s.getCredentialsId()).isNull();
        s.setCredentialsId(" ${STAGE}-token ");
        assertThat(s.expanded(ENV).getCredentialsId()).isEqualTo("${STAGE}-token");
    }

    @Test
    void remoteWorkingCopiesGoBesideTheWorkspace() {
        assertThat(Repositories.scratchFolder(Path.of("/var/jenkins/workspace/app")))
                .isEqualTo(Path.of("/var/jenkins/workspace/app@tmp"));
    }
}
