package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line as a separate process: what the launcher and CI pipelines run. */
class ProcessIT {

    record Result(int code, String out, String err) {
    }

    static Path jar() throws java.io.IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-all.jar")).findFirst().orElseThrow();
        }
    }

    static Result run(Path workDir, String... args) throws Exception {
        Path jar = jar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theExampleRendersFromTheDefaultConfigNameAndBadInputExitsOne(@TempDir Path dir) throws Exception {
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), dir.resolve("carvel-gitops.yaml"));
        Files.copy(example.resolve("package.yaml"), dir.resolve("package.yaml"));

        Result ok = run(dir, "render", "--stage", "staging", "--stage", "prod");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("rendered 8 files for hello.default.tap 20240318141801.0.0");
        assertThat(dir.resolve("gitops-repo/.git")).isDirectory();

        Result bad = run(dir, "render", "--stage", "qa");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("error: --stage: qa: is not a stage of carvel-gitops.yaml; use one of: "
                + "staging, prod\n");

        Result usage = run(dir, "render", "--stage");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(run(dir, "--version").out()).startsWith("carvel-gitops ");
    }
}
