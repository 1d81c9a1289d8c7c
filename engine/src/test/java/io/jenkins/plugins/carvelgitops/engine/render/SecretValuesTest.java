package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.testing.CrdSchemas;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.NeedsRealPackages;
import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values stay out of Git: a second Secret, referenced by the PackageInstall, made at run time. */
@NeedsRealPackages
class SecretValuesTest {

    static final String HARBOR = "harbor.community.tanzu.vmware.com-2.6.3.yaml";

    static String config(String stageExtra) {
        return """
                package: harbor.community.tanzu.vmware.com
                install: harbor
                repository: {url: https://git.example.com/acme/gitops.git}
                stages:
                - name: staging
                  namespace: harbor
                  serviceAccount: harbor-installer
                  %s
                """.formatted(stageExtra);
    }

    static CarvelPackage harbor() {
        return PackageLoader.load(SharedMaterial.realPackages().resolve(HARBOR), HARBOR);
    }

    @Test
    void requiredSecretsCanComeFromSecretValuesAndAreReferencedSecond() {
        DeliveryPlan plan = new Renderer().render(new RenderRequest(Fixtures.config(config(
                "secretValues: [harborAdminPassword, secretKey]\n  values: {hostname: harbor.example.com}")),
                harbor(), List.of()));
        String pkgi = RendererRulesTest.file(plan, "harbor.community.tanzu.vmware.com/staging/packageinstall.yaml");
        assertThat(pkgi).endsWith("  values:\n  - secretRef:\n      name: harbor-values\n  - secretRef:\n"
                + "      name: harbor-secret-values\n");
        String params = RendererRulesTest.file(plan, "harbor.community.tanzu.vmware.com/staging/params.yaml");
        assertThat(params).contains("hostname: harbor.example.com").doesNotContain("harborAdminPassword", "secretKey");
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) SafeYaml.parseSingle(pkgi, "pkgi");
        assertThat(CrdSchemas.load("kapp-controller").violations(object)).isEmpty();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void withoutThemTheSchemaStillRequiresTheKeys() {
        assertThatThrownBy(() -> new Renderer().render(new RenderRequest(Fixtures.config(config(
                "values: {hostname: harbor.example.com}")), harbor(), List.of())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("required property 'harborAdminPassword' not found");
    }

    @Test
    void aKeyCannotBeBothPlainAndSecret() {
        assertThatThrownBy(() -> Fixtures.config(config(
                "secretValues: [secretKey]\n  values: {secretKey: oops}")))
                .hasMessageContaining("stages[staging].values.secretKey: is also listed in secretValues");
    }

    @Test
    void plainValuesUnderSensitiveLookingKeysAreWarnedAbout() {
        DeliveryPlan plan = new Renderer().render(new RenderRequest(Fixtures.config(config(
                "values: {harborAdminPassword: hunter2, secretKey: abc, hostname: h, database: {password: p}}")), harbor(), List.of()));
        assertThat(plan.notes()).containsExactly(
                "stages[staging].values.harborAdminPassword looks sensitive and will be committed in plain text; list "
                        + "its key under the stage's secretValues and supply it at run time instead",
                "stages[staging].values.secretKey looks sensitive and will be committed in plain text; list its key "
                        + "under the stage's secretValues and supply it at run time instead",
                "stages[staging].values.database.password looks sensitive and will be committed in plain text; list "
                        + "its key under the stage's secretValues and supply it at run time instead");
        assertThat(plan.notes()).noneMatch(n -> n.contains("hunter2"));
    }
}
