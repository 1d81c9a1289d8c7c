package io.jenkins.plugins.carvelgitops.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only material beside the checkout ({@code ../shared}) and the project's examples. */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    public static Path shared() {
        String configured = System.getProperty("carvelgitops.shared");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            p = Path.of("..", "shared");
        }
        if (!Files.isDirectory(p.resolve("crds"))) {
            throw new IllegalStateException("shared material not found at " + p.toAbsolutePath()
                    + "; it must lie beside the checkout");
        }
        return p.normalize();
    }

    public static Path crds() {
        return shared().resolve("crds");
    }

    public static Path realPackages() {
        return shared().resolve("real-packages");
    }

    public static Path examples() {
        String configured = System.getProperty("carvelgitops.examples");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "examples");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples not found at " + p.toAbsolutePath());
        }
        return p.normalize();
    }
}
