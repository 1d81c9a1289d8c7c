package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code promote --require-live}: only what the source stage really runs moves on. */
class PromoteRequireLiveIT {

    @TempDir
    Path tmp;

    @Test
    void refusesWithoutACommitUntilTheSourceStageRunsTheVersion() throws Exception {
        Path config = Fixtures.config(tmp.resolve("app"), "./gitops-repo");
        Path repo = tmp.resolve("app/gitops-repo");
        CliRun render = CliRun.run(Map.of(), "render", "--config", config.toString(), "--package",
                Fixtures.packageFile(tmp, "1.0.0").toString());
        assertThat(render.code()).as(render.all()).isZero();
        try (MockCluster staging = MockCluster.start()) {
            Path kubeconfig = Files.writeString(tmp.resolve("staging.kubeconfig"), staging.kubeconfig().content());
            staging.put(pkgi("0.9.0", "ReconcileSucceeded"));
            String head = head(repo);
            String[] args = {"promote", "--config", config.toString(), "--to", "qa", "--require-live",
                "--stage-kubeconfig", "staging=" + kubeconfig};
            CliRun refused = CliRun.run(Map.of(), args);
            assertThat(refused.code()).as(refused.all()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).contains("refusing to promote 1.0.0 to qa: staging: PackageInstall apps/hello "
                    + "on the run cluster of stage staging is not live at 1.0.0: ReconcileSucceeded 0.9.0")
                    .contains("nothing committed");
            assertThat(head(repo)).isEqualTo(head);

            staging.patchStatus(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", "apps", "hello", Map.of("version",
                    "1.0.0", "lastAttemptedVersion", "1.0.0"));
            CliRun ok = CliRun.run(Map.of(), args);
            assertThat(ok.code()).as(ok.all()).isZero();
            assertThat(ok.err()).contains("staging runs 1.0.0");
            assertThat(head(repo)).isNotEqualTo(head);

            CliRun noKubeconfig = CliRun.run(Map.of(), "promote", "--config", config.toString(), "--to", "prod",
                    "--require-live");
            assertThat(noKubeconfig.code()).isEqualTo(ExitCodes.INVALID);
            assertThat(noKubeconfig.err()).contains("--require-live").contains("--stage-kubeconfig qa=FILE");
        }
    }

    static Map<String, Object> pkgi(String version, String condition) {
        // generation 1 on creation; observedGeneration 1: kapp-controller has seen this spec
        return Map.of("apiVersion", KubeKinds.PACKAGE_INSTALL_API, "kind", "PackageInstall",
                "metadata", Map.of("name", "hello", "namespace", "apps"),
                "spec", Map.of("serviceAccountName", "hello-installer"),
                "status", Map.of("observedGeneration", 1, "version", version, "lastAttemptedVersion", version,
                        "conditions", List.of(Map.of("type", condition, "status", "True"))));
    }

    static String head(Path repo) throws Exception {
        try (Git git = Git.open(repo.toFile())) {
            return git.getRepository().resolve("HEAD").name();
        }
    }
}
