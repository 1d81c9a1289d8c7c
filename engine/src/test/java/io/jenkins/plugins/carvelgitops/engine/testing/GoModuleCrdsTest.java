package io.jenkins.plugins.carvelgitops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRDs from their Go modules are the published files, checked by the hash go.sum records. */
class GoModuleCrdsTest {

    @Test
    void theModulesHoldTheSameFilesAsTheSharedMaterial(@TempDir Path cache) throws Exception {
        Path crds = GoModuleCrds.materialize(cache);
        Path shared = SharedMaterial.sharedLocation().resolve("crds");
        for (GoModuleCrds.Source s : GoModuleCrds.SOURCES) {
            Path file = crds.resolve(s.set()).resolve(s.fileName());
            assertThat(Files.readString(file)).as(file.toString()).contains("kind: CustomResourceDefinition");
            if (Files.isDirectory(shared)) {
                assertThat(Files.mismatch(file, shared.resolve(s.set()).resolve(s.fileName()))).as(file.toString())
                        .isEqualTo(-1L);
            }
        }
        assertThat(CrdSchemas.load("flux-v2", "flux-v0.41", "kapp-controller").knows(
                "kustomize.toolkit.fluxcd.io/v1", "Kustomization")).isTrue();
    }

    @Test
    void aModuleZipWhoseContentDiffersHasAnotherHash(@TempDir Path dir) throws Exception {
        Path a = zip(dir.resolve("a.zip"), "m@v1.0.0/config/crd.yaml", "kind: CustomResourceDefinition\n");
        Path b = zip(dir.resolve("b.zip"), "m@v1.0.0/config/crd.yaml", "kind: CustomResourceDefinitionX\n");
        assertThat(GoModuleCrds.h1(a)).startsWith("h1:").isNotEqualTo(GoModuleCrds.h1(b));
        // the same content, the same hash
        assertThat(GoModuleCrds.h1(a)).isEqualTo(GoModuleCrds.h1(zip(dir.resolve("c.zip"), "m@v1.0.0/config/crd.yaml",
                "kind: CustomResourceDefinition\n")));
    }

    @Test
    void aCacheHoldingAWrongZipIsNotTrusted(@TempDir Path cache) throws Exception {
        GoModuleCrds.Source s = GoModuleCrds.SOURCES.get(0);
        Path planted = cache.resolve("download").resolve(s.module()).resolve("@v").resolve(s.version() + ".zip");
        Files.createDirectories(planted.getParent());
        zip(planted, s.module() + "@" + s.version() + "/" + s.pathInModule(), "kind: NotTheRealOne\n");
        Path crds = GoModuleCrds.materialize(cache);
        assertThat(Files.readString(crds.resolve(s.set()).resolve(s.fileName()))).doesNotContain("NotTheRealOne");
        assertThatThrownBy(() -> GoModuleCrds.h1(cache.resolve("absent.zip"))).isInstanceOf(java.io.IOException.class);
    }

    private static Path zip(Path file, String name, String content) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
