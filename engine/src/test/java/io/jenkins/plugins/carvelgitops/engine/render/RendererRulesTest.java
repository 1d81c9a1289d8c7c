package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per render rule; each fails if its rule is removed. */
class RendererRulesTest {

    static final String SCHEMA_PACKAGE = """
            apiVersion: data.packaging.carvel.dev/v1alpha1
            kind: Package
            metadata: {name: web.acme.example.com.1.2.3-rc.1}
            spec:
              refName: web.acme.example.com
              version: 1.2.3-rc.1
              valuesSchema:
                openAPIv3:
                  type: object
                  additionalProperties: false
                  required: [hostname]
                  properties:
                    hostname: {type: string}
                    replicas: {type: integer}
                    logLevel: {type: string, enum: [debug, info]}
                    tls:
                      type: object
                      additionalProperties: false
                      properties:
                        enabled: {type: boolean}
            """;

    static GitopsConfig config(String install, String values, String extra) {
        return Fixtures.config("""
                package: web.acme.example.com
                %s
                %s
                repository: {url: https://git.example.com/acme/gitops.git}
                flux: {namespace: build-ns}
                stages:
                - name: staging
                  namespace: apps
                  serviceAccount: web-installer
                  values: %s
                - name: prod
                  namespace: apps
                  serviceAccount: web-installer
                  track: latest
                  tap: false
                  values: {hostname: web.example.com}
                """.formatted(install == null ? "" : "install: " + install, extra, values));
    }

    static DeliveryPlan render(GitopsConfig config, CarvelPackage pkg, List<String> stages) {
        return new Renderer().render(new RenderRequest(config, pkg, stages));
    }

    @Test
    void valuesAreCheckedAgainstTheSchemaWithEveryViolationReported() {
        GitopsConfig config = config("web", "{replicas: two, logLevel: trace, color: red, tls: {enabled: yes, x: 1}}", "");
        assertThatThrownBy(() -> render(config, Fixtures.pkg(SCHEMA_PACKAGE), List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .contains("stages[staging].values", "stages[staging].values.replicas",
                                "stages[staging].values.logLevel", "stages[staging].values.tls")
                        .hasSizeGreaterThanOrEqualTo(5))
                .hasMessageContaining("required property 'hostname' not found")
                .hasMessageContaining("string found, integer expected")
                .hasMessageContaining("does not have a value in the enumeration")
                .hasMessageContaining("'color' is not defined in the schema")
                .hasMessageContaining("valuesSchema of package.yaml");
    }

    @Test
    void validValuesRenderAndPreReleasesAreSelectable() {
        DeliveryPlan plan = render(config("web", "{hostname: web.staging.example.com, replicas: 2}", ""),
                Fixtures.pkg(SCHEMA_PACKAGE), List.of("staging", "prod"));
        String staging = file(plan, "web.acme.example.com/staging/packageinstall.yaml");
        assertThat(staging).contains("constraints: 1.2.3-rc.1\n      prereleases: {}\n");
        String prod = file(plan, "web.acme.example.com/prod/packageinstall.yaml");
        assertThat(prod).contains("constraints: '>=0.0.0'\n").doesNotContain("prereleases");
        assertThat(plan.installNames()).containsEntry("staging", "web").containsEntry("prod", "web");
        assertThat(plan.runClusters().get("staging")).extracting(Manifest::kind)
                .containsExactly("Namespace", "ServiceAccount", "Role", "RoleBinding");
        assertThat(plan.runClusters().get("prod")).extracting(Manifest::name)
                .contains("app-package-and-pkgi-install-role", "app-cr-role", "app-cr-role-binding");
    }

    @Test
    void downgradeStagesCarryTheAnnotation() {
        GitopsConfig config = config("web", "{hostname: a.example.com}", "");
        DeliveryPlan plan = new Renderer().render(new RenderRequest(config, Fixtures.pkg(SCHEMA_PACKAGE),
                List.of("staging"), Set.of("staging")));
        assertThat(file(plan, "web.acme.example.com/staging/packageinstall.yaml"))
                .contains("  annotations:\n    packaging.carvel.dev/downgradable: ''\n");
    }

    @Test
    void refNameMustMatchTheConfig() {
        GitopsConfig config = config("web", "{hostname: a}", "");
        CarvelPackage other = Fixtures.pkg(SCHEMA_PACKAGE.replace("web.acme.example.com", "api.acme.example.com"));
        assertThatThrownBy(() -> render(config, other, List.of()))
                .hasMessageContaining("carvel-gitops.yaml: package: is 'web.acme.example.com' but package.yaml has "
                        + "spec.refName 'api.acme.example.com'");
    }

    @Test
    void unknownStagesAreNamed() {
        assertThatThrownBy(() -> render(config("web", "{hostname: a}", ""), Fixtures.pkg(SCHEMA_PACKAGE),
                List.of("qa")))
                .hasMessage("{stage}: qa: is not a stage of carvel-gitops.yaml; use one of: staging, prod");
        assertThatThrownBy(() -> render(config("web", "{hostname: a}", ""), Fixtures.pkg(SCHEMA_PACKAGE),
                List.of("../prod")))
                .hasMessageContaining("{stage}: ../prod: '../prod' is not a plain name");
    }

    @Test
    void aPackageWithoutWorkloadNameNeedsInstall() {
        assertThatThrownBy(() -> render(config(null, "{hostname: a}", ""), Fixtures.pkg(SCHEMA_PACKAGE), List.of()))
                .hasMessage("carvel-gitops.yaml: install: is required: package.yaml declares no workload_name, so "
                        + "nothing names the PackageInstall; add install: <name>, e.g. install: web");
    }

    @Test
    void aTapPackageNeedsWorkloadNameInEveryStageAndItNamesThePackageInstall() {
        GitopsConfig missing = Fixtures.exampleConfig(Map.of("stages.prod.values.workload_name", "",
                "repository.url", "/tmp/x"));
        assertThatThrownBy(() -> render(missing, Fixtures.examplePackage(), List.of("staging", "prod")))
                .hasMessageContaining("carvel-gitops.yaml: stages[prod].values.workload_name: is required: "
                        + "package.yaml is a TAP supply-chain Package");
        GitopsConfig bad = Fixtures.exampleConfig(Map.of("stages.prod.values.workload_name", "Hello_World"));
        assertThatThrownBy(() -> render(bad, Fixtures.examplePackage(), List.of("prod")))
                .hasMessageContaining("'Hello_World' is not a DNS-1123 label");
        GitopsConfig conflicting = Fixtures.exampleConfig(Map.of("install", "other"));
        assertThatThrownBy(() -> render(conflicting, Fixtures.examplePackage(), List.of()))
                .hasMessageContaining("install: 'other' differs from stages[staging].values.workload_name 'hello'");
        DeliveryPlan plan = render(Fixtures.exampleConfig(Map.of("stages.prod.values.workload_name", "hello-prod")),
                Fixtures.examplePackage(), List.of("prod"));
        assertThat(plan.installNames()).containsExactly(Map.entry("prod", "hello-prod"));
        assertThat(file(plan, "hello.default.tap/prod/params.yaml")).contains("name: hello-prod-values");
    }

    @Test
    void longFluxNamesFailUnlessShorteningIsAsked() {
        String longPkg = SCHEMA_PACKAGE.replace("web.acme.example.com", "a-very-long-web-application.team.acme.example.com");
        String cfg = "package: a-very-long-web-application.team.acme.example.com\ninstall: web\n%s"
                + "repository: {url: https://git.example.com/g.git}\nstages:\n- {name: staging, namespace: apps, "
                + "serviceAccount: sa, values: {hostname: h}}\n";
        assertThatThrownBy(() -> render(Fixtures.config(cfg.formatted("")), Fixtures.pkg(longPkg), List.of()))
                .hasMessageContaining("the Flux object name 'a-very-long-web-application.team.acme.example.com-staging-"
                        + "packageinstalls' is 73 characters, more than the 63 Kubernetes allows; add shortenNames: "
                        + "true for a deterministic 'a-very-long-web-application.team.acme.example.com-stag-");
        DeliveryPlan plan = render(Fixtures.config(cfg.formatted("shortenNames: true\n")), Fixtures.pkg(longPkg),
                List.of());
        List<String> names = plan.buildCluster().stream().map(Manifest::name).toList();
        assertThat(names).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(63)).doesNotHaveDuplicates();
        assertThat(names.get(2)).matches("a-very-long-web-application\\.team\\.acme\\.example\\.com-stag-[0-9a-f]{8}");
        assertThat(render(Fixtures.config(cfg.formatted("shortenNames: true\n")), Fixtures.pkg(longPkg), List.of())
                .buildCluster()).isEqualTo(plan.buildCluster());
        assertThat(file(plan, "flux/a-very-long-web-application.team.acme.example.com/staging-kustomizations.yaml"))
                .contains("dependsOn:\n  - name: " + names.get(1) + "\n");
    }

    @Test
    void fluxObjectsAreSkippedWithANoteWhenFluxCannotClone() {
        DeliveryPlan plan = render(Fixtures.exampleConfig(Map.of("flux.url", "")), Fixtures.examplePackage(), List.of());
        assertThat(plan.buildCluster()).isEmpty();
        assertThat(plan.files()).extracting(RepoFile::path).noneMatch(p -> p.startsWith("flux/"));
        assertThat(plan.notes()).singleElement().asString()
                .startsWith("Flux objects not rendered: Flux clones only http(s) and ssh URLs");
    }

    @Test
    void theDefaultTargetIsTheFirstStageAndRootPrefixesEveryPath() {
        DeliveryPlan plan = render(Fixtures.exampleConfig(Map.of("repository.root", "clusters/apps")),
                Fixtures.examplePackage(), List.of());
        assertThat(plan.stages()).containsExactly("staging");
        assertThat(plan.files()).extracting(RepoFile::path).allMatch(p -> p.startsWith("clusters/apps/"));
        assertThat(file(plan, "clusters/apps/flux/hello.default.tap/staging-kustomizations.yaml"))
                .contains("path: ./clusters/apps/hello.default.tap/staging\n");
    }

    static String file(DeliveryPlan plan, String path) {
        return plan.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no file " + path + " in " + plan.files().stream().map(RepoFile::path)
                        .toList())).content();
    }
}
