package io.jenkins.plugins.carvelgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlPlaneBinariesTest {

    static final Path PROPERTIES = Path.of(System.getProperty("carvelgitops.controlPlane", "control-plane.properties"));

    @TempDir
    Path dir;

    @Test
    void findsTheFolderTheScriptBuildsInto() throws Exception {
        ControlPlaneBinaries binaries = ControlPlaneBinaries.load(PROPERTIES, Map.of("XDG_CACHE_HOME", dir.toString()));
        Path script = PROPERTIES.toAbsolutePath().getParent().getParent().resolve(".ci/control-plane");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "--folder").redirectErrorStream(true);
        builder.environment().remove("CARVEL_GITOPS_CONTROL_PLANE");
        builder.environment().put("XDG_CACHE_HOME", dir.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(binaries.folder()).isEqualTo(Path.of(out));
        assertThat(binaries.folder().getParent()).isEqualTo(dir.resolve("carvel-gitops"));
    }

    @Test
    void aChangedVersionSelectsAnotherFolderAndCommentsDoNot() throws IOException {
        Path a = Files.writeString(dir.resolve("a.properties"), "# one\nkubernetes.version=v1.37.2\netcd.version=v3.6.16\n");
        Path b = Files.writeString(dir.resolve("b.properties"), "etcd.version=v3.6.16\n\n# two\nkubernetes.version=v1.37.2\n");
        Path c = Files.writeString(dir.resolve("c.properties"), "kubernetes.version=v1.37.3\netcd.version=v3.6.16\n");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.toString());
        assertThat(ControlPlaneBinaries.load(a, env).folder()).isEqualTo(ControlPlaneBinaries.load(b, env).folder())
                .isNotEqualTo(ControlPlaneBinaries.load(c, env).folder());
        assertThatThrownBy(() -> ControlPlaneBinaries.load(Files.writeString(dir.resolve("d.properties"), "oops\n"),
                env)).hasMessageContaining("d.properties: 'oops' is not key=value");
    }

    @Test
    void envtestAssetsSupplyTheApiServerAndEtcd() throws IOException {
        Path assets = Files.createDirectories(dir.resolve("assets"));
        ControlPlaneBinaries binaries = ControlPlaneBinaries.load(PROPERTIES, Map.of("KUBEBUILDER_ASSETS",
                assets.toString(), "CARVEL_GITOPS_CONTROL_PLANE", dir.resolve("cache").toString()));
        assertThat(binaries.kubeApiServer()).isEqualTo(assets.resolve("kube-apiserver"));
        assertThat(binaries.etcd()).isEqualTo(assets.resolve("etcd"));
        assertThat(binaries.sourceController(FluxGeneration.LEGACY))
                .isEqualTo(dir.resolve("cache/flux-legacy/source-controller"));
        assertThat(binaries.controllerManager()).isEmpty();
        List<Path> missing = binaries.missing(FluxGeneration.CURRENT);
        assertThat(missing).startsWith(assets.resolve("kube-apiserver")).hasSize(5);
        assertThat(ControlPlaneExtension.missingLine(missing)).isEqualTo("the control plane binary "
                + assets.resolve("kube-apiserver") + " is missing (and 4 more); build them with .ci/control-plane");
        assertThat(ControlPlaneExtension.missingLine(List.of())).isNull();
    }

    @Test
    void underCiAMissingBinaryFailsUnlessTheCiRunSaysItsBuildBudgetRanOut() {
        String missing = "the control plane binary /c/bin/etcd is missing; build them with .ci/control-plane";
        assertThat(ControlPlaneExtension.skipLine(missing, Map.of())).isEqualTo(missing);
        assertThatThrownBy(() -> ControlPlaneExtension.skipLine(missing,
                Map.of("CI", "true"))).isInstanceOf(IllegalStateException.class).hasMessage(missing);
        assertThatThrownBy(() -> ControlPlaneExtension.skipLine(missing,
                Map.of("CI", "true", ControlPlaneExtension.INCOMPLETE, " "))).isInstanceOf(IllegalStateException.class);
        assertThat(ControlPlaneExtension.skipLine(missing, Map.of("CI", "true", ControlPlaneExtension.INCOMPLETE,
                "the budget of 45m ran out"))).isEqualTo(missing + " (the budget of 45m ran out)");
    }
}
