package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code examples/hello} config and Package, copied into a test's folder. */
final class HelloExample {

    private HelloExample() {
    }

    /** Copies both files into {@code dir}; returns the config's path as a command-line argument. */
    static String copyTo(Path dir) throws IOException {
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), dir.resolve("carvel-gitops.yaml"));
        Files.copy(example.resolve("package.yaml"), dir.resolve("package.yaml"));
        return dir.resolve("carvel-gitops.yaml").toString();
    }
}
