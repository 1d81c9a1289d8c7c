package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.SharedMaterial;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code src/test/resources/bad-inputs}: exit 1, one clear line naming the file (or
 * option) and field, no stack trace, and the GitOps repository exactly as it was.
 */
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

    @TempDir
    static Path shared;
    static Path template;

    @BeforeAll
    static void existingRepository() throws IOException {
        template = renderedTemplate(shared);
    }

    /** The example rendered once for staging and prod into {@code <dir>/template/gitops-repo}. */
    static Path renderedTemplate(Path dir) throws IOException {
        Path template = dir.resolve("template");
        Files.createDirectories(template);
        Path example = SharedMaterial.examples().resolve("hello");
        Files.copy(example.resolve("carvel-gitops.yaml"), template.resolve("carvel-gitops.yaml"));
        Files.copy(example.resolve("package.yaml"), template.resolve("package.yaml"));
        CliRun first = CliRun.of("render", "--config", template.resolve("carvel-gitops.yaml").toString(),
                "--stage", "staging", "--stage", "prod");
        assertThat(first.code()).as(first.err()).isZero();
        return template;
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            // cases with a hostile repository entry run in HostileRepositoryCorpusTest
            return dirs.filter(Files::isDirectory).filter(p -> !Files.exists(p.resolve(HostileRepositoryCorpusTest.ENTRY)))
                    .map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHoldsAtLeastFortyCases() throws IOException {
        assertThat(cases().count() + 2).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithOneClearLineAndNothingChanges(String name, @TempDir Path dir) throws IOException {
        Path source = CORPUS.resolve(name);
        Path work = prepare(dir);
        for (String file : List.of("carvel-gitops.yaml", "package.yaml")) {
            if (Files.exists(source.resolve(file))) {
                Files.copy(source.resolve(file), work.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> args = new ArrayList<>(List.of("render", "--config", work.resolve("carvel-gitops.yaml").toString()));
        if (Files.exists(source.resolve("args"))) {
            args.addAll(Files.readAllLines(source.resolve("args")).stream().filter(l -> !l.isBlank()).toList());
        }
        String expected = Files.readString(source.resolve("expect")).strip();
        CliRun run = assertRejected(work, args, expected);
        if (Files.exists(source.resolve("secret"))) {
            assertThat(run.all()).as("the secret is never printed").doesNotContain(
                    Files.readString(source.resolve("secret")).strip());
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoAsTheConfig(@TempDir Path dir) throws Exception {
        Path work = prepare(dir);
        Path fifo = work.resolve("fifo.yaml");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        if (!"true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is not available: the FIFO case is not run");
        }
        // reading a FIFO blocks until a writer comes: the timeout fails the test if render opens it
        assertRejected(work, List.of("render", "--config", fifo.toString()), fifo + ": is not a regular file");
    }

    @Test
    void aConfigThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path work = prepare(dir);
        Files.write(work.resolve("carvel-gitops.yaml"), "package: caf\u00e9.default.tap\n".getBytes(
                StandardCharsets.ISO_8859_1));
        assertRejected(work, List.of("render", "--config", work.resolve("carvel-gitops.yaml").toString()),
                "carvel-gitops.yaml: is not valid UTF-8; save the file as UTF-8");
    }

    @Test
    void aFiftyMegabytePackage(@TempDir Path dir) throws IOException {
        Path work = prepare(dir);
        try (OutputStream out = Files.newOutputStream(work.resolve("package.yaml"))) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        assertRejected(work, List.of("render", "--config", work.resolve("carvel-gitops.yaml").toString()),
                "package.yaml: file is ");
    }

    private static Path prepare(Path dir) throws IOException {
        Path work = dir.resolve("work");
        copyTree(template, work);
        return work;
    }

    private static CliRun assertRejected(Path work, List<String> args, String expected) throws IOException {
        String before = fingerprint(work.resolve("gitops-repo"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(expected);
        assertThat(run.err().lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .startsWith("error: ").doesNotContain("\tat ", "Exception", "at org.", "at java."));
        List<String> named = new ArrayList<>(List.of("carvel-gitops.yaml", "package.yaml"));
        args.stream().filter(a -> a.startsWith("/")).forEach(named::add);
        assertThat(run.err().lines().filter(l -> !l.startsWith("error: --"))).allSatisfy(line -> assertThat(line)
                .containsAnyOf(named.toArray(String[]::new)));
        assertThat(run.all().chars().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f))
                .as("no control characters reach the terminal").isEmpty();
        assertThat(fingerprint(work.resolve("gitops-repo"))).as("repository untouched").isEqualTo(before);
        return run;
    }

    /** A digest of every file below {@code top}, Git's own files included. */
    static String fingerprint(Path top) throws IOException {
        try (Stream<Path> files = Files.walk(top)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    digest.update(top.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
