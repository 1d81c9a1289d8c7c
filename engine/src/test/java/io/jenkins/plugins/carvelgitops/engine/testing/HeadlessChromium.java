package io.jenkins.plugins.carvelgitops.engine.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless {@code chromium}, for tests that open a page the way a person's browser would: it
 * loads one local file, with no network (every host name resolves to nothing) and a throw-away profile,
 * and is killed when it takes longer than a minute. When chromium is not installed the test is skipped,
 * except in CI ({@code CI=true}), where it fails: there the page must really be opened. Test-only.
 */
public final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /** The installed chromium, working in {@code work}; skips the test, or in CI fails it, when there is none. */
    public static HeadlessChromium find(Path work) {
        Path found = onPath("chromium");
        if (found == null) {
            String why = "chromium is not installed (apt-get install chromium); the status page test needs it";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            abort(why);
        }
        return new HeadlessChromium(found, work);
    }

    /** The DOM after the page has loaded, serialized ({@code --dump-dom}). */
    public String dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /** A PNG of the page at {@code width}x{@code height} CSS pixels. */
    public Path screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(page, "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath());
        if (!Files.isRegularFile(png)) {
            fail("chromium wrote no screenshot to " + png);
        }
        return png;
    }

    private String run(Path page, String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path log = work.resolve("chromium-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(extra));
        command.add(page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(log.toFile()).start();
        // Read stdout while it runs: a large DOM would otherwise fill the pipe and block chromium.
        var out = new java.util.concurrent.CompletableFuture<String>();
        Thread reader = new Thread(() -> {
            try {
                out.complete(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.completeExceptionally(e);
            }
        }, "chromium-stdout");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("chromium did not finish within " + TIMEOUT_SECONDS + "s; its log: " + log);
        }
        if (process.exitValue() != 0) {
            fail("chromium exited " + process.exitValue() + ": " + tail(log));
        }
        try {
            return out.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot read chromium's output", e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
