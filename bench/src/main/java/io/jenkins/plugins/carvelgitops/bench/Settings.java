package io.jenkins.plugins.carvelgitops.bench;

import java.nio.file.Path;
import java.util.List;

/** How big and how often: the full run, {@code --quick} (under two minutes) and the test suite's smoke run. */
record Settings(String mode, List<Integer> stageCounts, int unrelatedFiles, int commits, int runs, Path work,
        Path cliJar, Path baseline, Path examples, List<Integer> repositorySizes) {

    static Settings of(String mode, Path work, Path cliJar, Path baseline, Path examples) {
        return switch (mode) {
            case "smoke" -> new Settings(mode, List.of(2, 5), 50, 5, 1, work, cliJar, baseline, examples,
                    List.of(20, 50));
            case "quick" -> new Settings(mode, List.of(10, 100, 1000), 20_000, 2_000, 2, work, cliJar, baseline,
                    examples, List.of(2_000, 20_000, 200_000));
            default -> new Settings("full", List.of(10, 100, 1000), 20_000, 2_000, 5, work, cliJar, baseline,
                    examples, List.of(2_000, 20_000, 200_000));
        };
    }

    /** The top of the source tree, where {@code ./carvel-gitops} lives (the jar is in cli/target). */
    Path top() {
        return cliJar.toAbsolutePath().getParent().getParent().getParent();
    }

    boolean smoke() {
        return mode.equals("smoke");
    }

    boolean quick() {
        return mode.equals("quick");
    }
}
