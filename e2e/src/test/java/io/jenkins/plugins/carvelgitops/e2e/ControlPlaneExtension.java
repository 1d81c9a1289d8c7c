package io.jenkins.plugins.carvelgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link ControlPlane} for a test class and stops it after the class, also when a test or the
 * start itself failed (and, through {@link LocalProcess}, when the JVM is ended early). Without the
 * binaries the class is skipped with one line saying which binary is missing and how to build it; under
 * {@code CI=true} it fails with that line instead, unless {@code .ci/run} reported that its time budget
 * for a cold build ran out ({@value #INCOMPLETE}), which the line then names. Logs of every process stay in
 * {@code target/e2e/<generation>/}.
 */
public final class ControlPlaneExtension implements BeforeAllCallback, AfterAllCallback {

    /** Set by {@code .ci/run} when the control plane's cold build did not finish within its budget. */
    static final String INCOMPLETE = "CARVEL_GITOPS_CONTROL_PLANE_INCOMPLETE";

    private final FluxGeneration generation;
    private ControlPlaneBinaries binaries;
    private ControlPlane plane;

    public ControlPlaneExtension(FluxGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> env = System.getenv();
        binaries = ControlPlaneBinaries.load(Path.of(System.getProperty("carvelgitops.controlPlane",
                "control-plane.properties")), env);
        String missing = missingLine(binaries.missing(generation));
        if (missing != null) {
            String line = skipLine(missing, env);
            System.out.println("skipped " + context.getDisplayName() + ": " + line);
            throw new TestAbortedException(line);
        }
        Path dir = Path.of("target", "e2e", generation.key()).toAbsolutePath();
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        plane = ControlPlane.start(binaries, generation, dir);
        System.out.printf("%s: Kubernetes %s, etcd %s, %s started in %.1fs (logs in %s)%n", context.getDisplayName(),
                binaries.version("kubernetes.version"), binaries.version("etcd.version"), binaries.describe(generation),
                (System.nanoTime() - start) / 1e9, dir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (plane != null) {
            plane.close();
            plane = null;
        }
    }

    /**
     * Why a class whose binaries are {@code missing} is skipped; under {@code CI=true} there is no such
     * reason (it fails with the line) unless .ci/run reported that its time budget for a cold build ran out.
     */
    static String skipLine(String missing, Map<String, String> env) {
        return skipLine(missing, env, INCOMPLETE);
    }

    /** {@link #skipLine(String, Map)} with the budget's variable named: each cold build has its own. */
    static String skipLine(String missing, Map<String, String> env, String incompleteVariable) {
        String incomplete = env.get(incompleteVariable);
        boolean excused = incomplete != null && !incomplete.isBlank();
        if ("true".equals(env.get("CI")) && !excused) {
            throw new IllegalStateException(missing);
        }
        return excused ? missing + " (" + incomplete + ")" : missing;
    }

    /** One line naming the first missing binary and how to build it, or null when none is missing. */
    static String missingLine(List<Path> missing) {
        if (missing.isEmpty()) {
            return null;
        }
        return "the control plane binary " + missing.get(0) + " is missing"
                + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
                + "; build them with .ci/control-plane";
    }

    public ControlPlane plane() {
        if (plane == null) {
            throw new IllegalStateException("the control plane is not running");
        }
        return plane;
    }

    public FluxGeneration generation() {
        return generation;
    }

    public ControlPlaneBinaries binaries() {
        return binaries;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
