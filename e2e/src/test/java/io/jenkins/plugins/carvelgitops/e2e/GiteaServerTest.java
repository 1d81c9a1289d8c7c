package io.jenkins.plugins.carvelgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GiteaServerTest {

    static final Path PROPERTIES = ControlPlaneBinariesTest.PROPERTIES;

    @TempDir
    Path dir;

    @Test
    void findsTheFolderTheScriptBuildsInto() throws Exception {
        GiteaServer.Build build = GiteaServer.Build.load(PROPERTIES, Map.of("XDG_CACHE_HOME", dir.toString()));
        Path script = PROPERTIES.toAbsolutePath().getParent().getParent().resolve(".ci/gitea");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--folder").redirectErrorStream(true);
        builder.environment().remove("CARVEL_GITOPS_GITEA");
        builder.environment().put("XDG_CACHE_HOME", dir.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(build.folder()).isEqualTo(Path.of(out)).isEqualTo(dir.resolve("carvel-gitops/gitea-"
                + build.version()));
        assertThat(GiteaServer.Build.load(PROPERTIES, Map.of("CARVEL_GITOPS_GITEA", "/g")).folder())
                .isEqualTo(Path.of("/g"));
    }

    @Test
    void theGiteaVersionIsNoPartOfTheControlPlanesSet() throws IOException {
        Path a = Files.writeString(dir.resolve("a.properties"), "etcd.version=v3.6.16\n");
        Path b = Files.writeString(dir.resolve("b.properties"), "etcd.version=v3.6.16\ngitea.version=v1.27.3\n");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.toString());
        assertThat(ControlPlaneBinaries.load(a, env).folder()).isEqualTo(ControlPlaneBinaries.load(b, env).folder());
        assertThatThrownBy(() -> GiteaServer.Build.load(a, env)).hasMessageContaining("has no gitea.version");
    }

    @Test
    void aMissingServerIsOneLineThatFailsUnderCiUnlessGiteasBudgetRanOut() {
        String missing = GiteaServer.Build.load(PROPERTIES, Map.of("CARVEL_GITOPS_GITEA", dir.toString())).missing();
        assertThat(missing).isEqualTo("the Gitea server " + dir.resolve("bin/gitea")
                + " is missing; build it with .ci/gitea");
        assertThatThrownBy(() -> ControlPlaneExtension.skipLine(missing, Map.of("CI", "true",
                ControlPlaneExtension.INCOMPLETE, "the control plane's budget ran out"), GiteaExtension.INCOMPLETE))
                .hasMessage(missing);
        assertThat(ControlPlaneExtension.skipLine(missing, Map.of("CI", "true", GiteaExtension.INCOMPLETE,
                "the budget of 20m ran out"), GiteaExtension.INCOMPLETE)).isEqualTo(missing
                + " (the budget of 20m ran out)");
    }
}
