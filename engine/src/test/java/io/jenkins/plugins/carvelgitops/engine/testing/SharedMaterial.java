package io.jenkins.plugins.carvelgitops.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test material that is not in the repository: the real CRDs and real Packages of {@code ../shared}, the
 * folder beside the project's folder (system property {@code carvelgitops.shared}), and the project's
 * examples. Without {@code ../shared} the CRDs come from their Go modules ({@link GoModuleCrds}); the
 * real Packages have no registry, so their tests are skipped ({@link NeedsRealPackages}), except under
 * {@code CI=true}, where nothing is skipped.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    /** Where the shared material is looked for, absolute and normalised (it need not exist). */
    public static Path sharedLocation() {
        String configured = System.getProperty("carvelgitops.shared");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        return p.toAbsolutePath().normalize();
    }

    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The real CRDs, laid out as {@code <set>/<file>}: from {@code ../shared/crds}, else from their Go modules. */
    public static Path crds() {
        Path shared = sharedLocation().resolve("crds");
        if (Files.isDirectory(shared)) {
            return shared;
        }
        String cache = System.getProperty("carvelgitops.goModules");
        return GoModuleCrds.materialize(cache != null ? Path.of(cache)
                : Path.of(System.getProperty("java.io.tmpdir"), "carvel-gitops-go-modules"));
    }

    public static boolean hasRealPackages() {
        return Files.isDirectory(sharedLocation().resolve("real-packages"));
    }

    /** The real Packages; only for tests marked {@link NeedsRealPackages}. */
    public static Path realPackages() {
        Path p = sharedLocation().resolve("real-packages");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(NeedsRealPackages.Condition.missing());
        }
        return p;
    }

    public static Path examples() {
        String configured = System.getProperty("carvelgitops.examples");
        Path p = configured != null ? Path.of(configured) : Path.of("..", "examples");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("examples not found at " + p.toAbsolutePath().normalize());
        }
        return p.normalize();
    }
}
