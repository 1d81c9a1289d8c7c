package io.jenkins.plugins.carvelgitops.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Working copies beside the workspace ({@code <workspace>@tmp/gitops-…}): one new folder per Git
 * session, emptied or deleted by the session that owns it. They hold no secret: the credential never
 * reaches the disk.
 */
final class ScratchFolders {

    private ScratchFolders() {
    }

    /** A new, empty folder under {@code scratch}, which is created when missing. */
    static Path create(Path scratch) throws IOException {
        Files.createDirectories(scratch);
        return Files.createTempDirectory(scratch, "gitops-");
    }

    /** Removes everything inside {@code folder} (creating it when missing). */
    static void deleteContents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            return;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) {
                deleteTree(p);
            }
        }
    }

    /** Deletes {@code p} and what it holds; best effort, as a leftover holds no secret. */
    static void deleteQuietly(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try {
            deleteTree(p);
        } catch (IOException e) {
            // best effort: the folder holds no secret (the credential never touches disk)
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
