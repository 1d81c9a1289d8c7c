package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.HostileTree;
import io.jenkins.plugins.carvelgitops.engine.testing.HostileTree.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of {@code src/test/resources/bad-inputs} that plant a hostile entry in the GitOps repository
 * (a {@value #ENTRY} file: {@code <path> symlink OUTSIDE|SECRET} or {@code <path> gitlink -}), each run
 * three ways: in the work tree of a local working copy, and as a pushed commit behind file:// and behind
 * smart HTTP. Each must exit 1 with one line naming the path, print nothing of what lies behind the link,
 * and leave the repository and everything outside it exactly as they were.
 */
class HostileRepositoryCorpusTest {

    static final String ENTRY = "hostile";
    static final String SECRET_VALUE = "ghp_corpus_secret_0123456789abcdef";
    static final String USER = "bot";
    static final String TOKEN = "corpus-http-token-0123456789";

    @TempDir
    static Path shared;
    static Path template;
    static Path served;
    static GitHttpServer server;

    @BeforeAll
    static void existingRepository() throws Exception {
        template = BadInputCorpusTest.renderedTemplate(shared);
        served = shared.resolve("served");
        Files.createDirectories(served);
        server = GitHttpServer.start(served, USER, TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(BadInputCorpusTest.CORPUS)) {
            for (Path dir : dirs.filter(p -> Files.exists(p.resolve(ENTRY))).sorted().toList()) {
                for (String via : List.of("local", "file", "http")) {
                    all.add(Arguments.of(dir.getFileName().toString(), via));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void isRefusedWithOneLineAndNothingIsWrittenOrShown(String name, String via, @TempDir Path dir) throws Exception {
        Path source = BadInputCorpusTest.CORPUS.resolve(name);
        Path work = dir.resolve("work");
        BadInputCorpusTest.copyTree(template, work);
        Path outside = dir.resolve("outside");
        Files.createDirectories(outside);
        for (String f : List.of("keep.txt", "params.yaml", "packageinstall.yaml", "20240318141801.0.0.yaml")) {
            Files.writeString(outside.resolve(f), "outside the repository: " + f + "\n");
        }
        Path secret = dir.resolve("environ");
        Files.writeString(secret, "GIT_TOKEN=" + SECRET_VALUE + "\n");
        String[] entry = Files.readString(source.resolve(ENTRY)).strip().split("\\s+");
        String path = entry[0];
        String target = entry.length > 2 && entry[2].equals("SECRET") ? secret.toString() : outside.toString();
        Entry planted = entry[1].equals("gitlink") ? Entry.submodule() : Entry.link(target);

        Path repo = work.resolve("gitops-repo");
        Path watched;
        if (via.equals("local")) {
            plantInWorkTree(repo, path, planted);
            watched = repo;
        } else {
            Path bare = served.resolve(name + "-" + via + ".git");
            Git.cloneRepository().setBare(true).setURI(repo.toUri().toString()).setDirectory(bare.toFile()).call()
                    .close();
            HostileTree.commit(bare, "main", Map.of(path, planted));
            String url = via.equals("file") ? bare.toUri().toString().replaceFirst("/$", "")
                    : server.url(bare.getFileName().toString());
            Path config = work.resolve("carvel-gitops.yaml");
            Files.writeString(config, Files.readString(config).replace("url: ./gitops-repo", "url: " + url));
            watched = bare;
        }

        List<String> args = new ArrayList<>(List.of("render", "--config", work.resolve("carvel-gitops.yaml")
                .toString()));
        args.addAll(Files.readAllLines(source.resolve("args")).stream().filter(l -> !l.isBlank()).toList());
        String repoBefore = BadInputCorpusTest.fingerprint(watched);
        String outsideBefore = BadInputCorpusTest.fingerprint(outside);

        CliRun run = CliRun.run(Map.of("GIT_USERNAME", USER, "GIT_TOKEN", TOKEN, "XDG_CACHE_HOME",
                dir.resolve("cache").toString()), args.toArray(String[]::new));

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().filter(l -> l.startsWith("error: "))).as(run.err()).hasSize(1);
        assertThat(run.err().lines()).allSatisfy(line -> assertThat(line)
                .doesNotContain("\tat ", "Exception", SECRET_VALUE, "outside the repository:"));
        for (String fragment : Files.readAllLines(source.resolve("expect"))) {
            if (!fragment.isBlank()) {
                assertThat(run.err()).contains(fragment.strip());
            }
        }
        assertThat(BadInputCorpusTest.fingerprint(outside)).as("nothing outside the repository changed")
                .isEqualTo(outsideBefore);
        assertThat(BadInputCorpusTest.fingerprint(watched)).as("repository untouched").isEqualTo(repoBefore);
    }

    /** The local case: what a user with a shell does to the working copy, `ln -s` over our path. */
    private static void plantInWorkTree(Path repo, String path, Entry planted) throws Exception {
        if (planted.kind() == HostileTree.Kind.GITLINK) {
            HostileTree.commit(repo.resolve(".git"), "main", Map.of(path, planted));
            return;
        }
        Path at = repo.resolve(path);
        if (Files.exists(at)) {
            try (Stream<Path> files = Files.walk(at)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(at.getParent());
        Files.createSymbolicLink(at, Path.of(planted.value()));
    }
}
