package io.jenkins.plugins.carvelgitops.engine.promote;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.MemoryGitops;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusService;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyPlanner;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which version a stage runs, for one table of {@code versionSelection}s, as status reports it, as verify
 * waits for it and as promote moves it: all three must agree with what kapp-controller would select.
 */
class StageVersionTableTest {

    static final String HEAD = "0123456789abcdef0123456789abcdef01234567";
    static final List<String> STORED = List.of("1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0", "20230301000000.0.0",
            "20230501000000.0.0");

    static final GitopsConfig CONFIG = Fixtures.config("""
            package: hello.default.tap
            install: hello
            repository: {url: ./gitops, branch: main}
            stages:
              - {name: qa, namespace: apps, serviceAccount: hello-installer}
              - {name: prod, namespace: apps, serviceAccount: hello-installer}
            """);

    @ParameterizedTest(name = "{0} {1} selects {2}")
    @CsvSource(delimiter = ';', value = {
        "1.1.0;                      ;            1.1.0",
        "=1.1.0;                     ;            1.1.0",
        "==2.0.0;                    ;            2.0.0",
        ">=0.0.0;                    ;            20230501000000.0.0",
        "<20230401000000.0.0;        ;            20230301000000.0.0",
        ">=1.0.0 <2.0.0;             ;            1.1.0",
        ">1.0.0 <=2.0.0;             ;            2.0.0",
        "!=20230501000000.0.0;       ;            20230301000000.0.0",
        "1.x;                        ;            1.1.0",
        "<1.0.0 || >=2.0.0 <3.0.0;   ;            2.0.0",
        ">=1.0.0 <2.0.0;             prereleases: {};                    1.2.0-rc.1",
        ">=1.0.0 <2.0.0;             'prereleases: {identifiers: [beta]}'; 1.1.0",
        ">=1.0.0 <2.0.0;             'prereleases: {identifiers: [rc]}';   1.2.0-rc.1",
        "1.2.0-rc.1;                 ;            1.2.0-rc.1",
    })
    void statusVerifyAndPromoteReadTheSameVersion(String constraints, String prereleases, String expected) {
        MemoryGitops git = repository(constraints, prereleases);

        StatusReport status = new StatusService(StatusService.Clusters.NONE, Clock.systemUTC())
                .read(new StatusRequest(CONFIG, git, null, Map.of(), false));
        VerifyRequest verify = VerifyPlanner.plan(CONFIG, git, VerifyPlanner.Options.builder(new KubeconfigAuth("build"),
                Duration.ofMinutes(1)).stages(List.of("qa")).reconcile(false).build());
        PromotionPlanner promote = new PromotionPlanner(CONFIG, "qa", CONFIG.stage("prod").orElseThrow(), null,
                true, "test");
        promote.plan(git);

        assertThat(status.stages().get(0).git().version()).as("status").isEqualTo(expected);
        assertThat(verify.stages().get(0).version()).as("verify").isEqualTo(expected);
        assertThat(promote.decision().version()).as("promote").isEqualTo(Semver.parse(expected));
    }

    @ParameterizedTest(name = "a Package stored as {0} is read by every use case")
    @CsvSource({"2.0.0.yml", "2.0.0.yaml"})
    void packagesStoredAsYmlCount(String fileName) {
        MemoryGitops git = new MemoryGitops(HEAD)
                .put(Fixtures.PACKAGE + "/packages/1.0.0.yaml", Fixtures.packageYaml("1.0.0"))
                .put(Fixtures.PACKAGE + "/packages/" + fileName, Fixtures.packageYaml("2.0.0"))
                .put(Fixtures.packageInstall("qa"), packageInstall(">=1.0.0", null))
                .put(Fixtures.packageInstall("prod"), packageInstall("1.0.0", null));

        StatusReport status = new StatusService(StatusService.Clusters.NONE, Clock.systemUTC())
                .read(new StatusRequest(CONFIG, git, null, Map.of(), false));
        PromotionPlanner promote = new PromotionPlanner(CONFIG, "qa", CONFIG.stage("prod").orElseThrow(), null,
                false, "test");
        promote.plan(git);

        assertThat(status.stages().get(0).git().version()).isEqualTo("2.0.0");
        assertThat(promote.decision().version()).isEqualTo(Semver.parse("2.0.0"));
    }

    static MemoryGitops repository(String constraints, String prereleases) {
        MemoryGitops git = new MemoryGitops(HEAD);
        STORED.forEach(v -> git.put(Fixtures.packagePath(v), Fixtures.packageYaml(v)));
        git.put(Fixtures.packageInstall("qa"), packageInstall(constraints, prereleases));
        git.put(Fixtures.packageInstall("prod"), packageInstall("1.0.0", null));
        return git;
    }

    static String packageInstall(String constraints, String prereleases) {
        return """
                apiVersion: packaging.carvel.dev/v1alpha1
                kind: PackageInstall
                metadata: {name: hello, namespace: apps}
                spec:
                  serviceAccountName: hello-installer
                  packageRef:
                    refName: hello.default.tap
                    versionSelection: {constraints: "%s"%s}
                """.formatted(constraints, prereleases == null ? "" : ", " + prereleases);
    }
}
