package io.jenkins.plugins.carvelgitops.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and says how long it took; a failure is an exception with its stderr. */
final class Processes {

    private Processes() {
    }

    static double timed(Path dir, List<String> command) {
        return timed(dir, command, null);
    }

    static double timed(Path dir, List<String> command, byte[] stdin) {
        long start = System.nanoTime();
        run(dir, command, stdin);
        return (System.nanoTime() - start) / 1e6;
    }

    static String run(Path dir, List<String> command, byte[] stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
            pb.environment().put("GIT_AUTHOR_NAME", "bench");
            pb.environment().put("GIT_AUTHOR_EMAIL", "bench@example.com");
            pb.environment().put("GIT_COMMITTER_NAME", "bench");
            pb.environment().put("GIT_COMMITTER_EMAIL", "bench@example.com");
            Process p = pb.start();
            if (stdin != null) {
                try (var in = p.getOutputStream()) {
                    in.write(stdin);
                }
            } else {
                p.getOutputStream().close();
            }
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size())))
                        + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JVM options {@code ./carvel-gitops} starts the command line with. */
    static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** {@code ./carvel-gitops ARGS}: as a user runs it, with its JVM options and its class-data archive. */
    static List<String> launcher(Path top, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", top.resolve("carvel-gitops").toString()));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> java(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LAUNCHER_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
