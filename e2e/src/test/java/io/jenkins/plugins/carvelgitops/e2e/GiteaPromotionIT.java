package io.jenkins.plugins.carvelgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.carvelgitops.cli.ExitCodes;
import io.jenkins.plugins.carvelgitops.cli.Main;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull-request promotion against a real Gitea ({@code .ci/gitea}): the GitOps repository is made by our own
 * {@code render} and {@code promote}, then its {@code main} is protected, so that only a pull request can
 * move {@code prod}. The steps build on each other, in order, as a release would: a direct push refused in
 * Gitea's words, the pull request opened, the same run again changing nothing, {@code status} listing it,
 * a newer version superseding it, and {@code --wait-merge} ending merged (0), timed out (5) and closed (4).
 * The promotions run as a user who is no administrator, with exactly the token scopes docs/promotion.md
 * names; the administrator merges and closes, as a reviewer would. What each command printed is kept in
 * {@code target/e2e/gitea/commands.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GiteaPromotionIT {

    @RegisterExtension
    static final GiteaExtension GITEA = new GiteaExtension();

    static final String REPO = "/repos/" + GiteaExtension.BOT + "/gitops";
    static final String PKG = Fixtures.PACKAGE;
    static final String BRANCH_1 = "carvel-gitops/" + PKG + "/prod/1.0.0";
    static final String BRANCH_2 = "carvel-gitops/" + PKG + "/prod/2.0.0";

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Path dir;

    Path config;
    Path tokenFile;
    /** Every output of every command, looked through for the token at the end. */
    final List<Run> runs = new ArrayList<>();
    int first;
    int second;

    @BeforeAll
    void renderTheRepositoryThenProtectMain(@TempDir Path tmp) throws Exception {
        dir = tmp;
        GiteaServer server = GITEA.server();
        GITEA.admin().post("/admin/users/" + GiteaExtension.BOT + "/repos", Map.of("name", "gitops", "private", true,
                "default_branch", "main"), 201);
        tokenFile = Files.writeString(dir.resolve("token"), GITEA.botToken() + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        // 127.0.0.1 does not say who serves it; the API root follows from the URL (<url>/api/v1)
        config = Fixtures.config(dir.resolve("app"), server.url() + "/" + GiteaExtension.BOT + "/gitops.git");
        Files.writeString(config, Files.readString(config).replace("  branch: main\n", "  branch: main\n"
                + "  provider: gitea\n"));
        ok(cli("render", "--package", Fixtures.packageFile(dir.resolve("pkgs"), "1.0.0").toString()));
        ok(cli("promote", "--to", "qa"));
        ok(cli("render", "--package", Fixtures.packageFile(dir.resolve("pkgs"), "2.0.0").toString()));
        GITEA.admin().post(REPO + "/branch_protections", Map.of("rule_name", "main", "enable_push", false), 201);
    }

    @Test
    @Order(1)
    void aDirectPromotionIsRefusedByTheProtectedBranchInGiteasWordsAndChangesNothing() throws Exception {
        String main = head("main");

        Run run = cli("promote", "--to", "prod");

        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.GIT_OR_IO);
        assertThat(run.err()).contains("error: the server refused the push to " + GITEA.server().url() + "/"
                + GiteaExtension.BOT + "/gitops.git (branch main): pre-receive hook declined (the server said: "
                + "error: Not allowed to push to protected branch main); check branch protection");
        assertThat(head("main")).isEqualTo(main);
        assertThat(branches()).containsExactly("refs/heads/main");
        assertThat(GITEA.admin().get(REPO + "/pulls?state=all")).isEmpty();
    }

    @Test
    @Order(2)
    void thePullRequestIsOpenedFromItsBranchIntoMainWithTitleAndBody() throws Exception {
        String main = head("main");

        Run run = cli("promote", "--to", "prod", "--pull-request", "--output", "json");

        ok(run);
        JsonNode doc = new ObjectMapper().readTree(run.out()).path("pullRequest");
        first = doc.path("number").asInt();
        assertThat(doc.path("provider").asText()).isEqualTo("gitea");
        assertThat(doc.path("url").asText()).isEqualTo(GITEA.server().url() + REPO.substring("/repos".length())
                + "/pulls/" + first);
        assertThat(doc.path("branch").asText()).isEqualTo(BRANCH_1);
        assertThat(doc.path("state").asText()).isEqualTo("open");
        assertThat(doc.path("action").asText()).isEqualTo("created");
        assertThat(doc.path("headCommit").asText()).isEqualTo(head(BRANCH_1));
        assertThat(head("main")).isEqualTo(main);

        JsonNode pr = GITEA.admin().get(REPO + "/pulls/" + first);
        assertThat(pr.path("base").path("ref").asText()).isEqualTo("main");
        assertThat(pr.path("head").path("ref").asText()).isEqualTo(BRANCH_1);
        assertThat(pr.path("head").path("sha").asText()).isEqualTo(head(BRANCH_1));
        assertThat(pr.path("user").path("login").asText()).isEqualTo(GiteaExtension.BOT);
        assertThat(pr.path("title").asText()).isEqualTo("Promote " + PKG + " 1.0.0 from qa to prod");
        assertThat(pr.path("body").asText()).contains("`" + PKG + "/packages/1.0.0.yaml`")
                .contains("`" + PKG + "/prod/packageinstall.yaml`")
                .contains("<!-- carvel-gitops promotion: package=" + PKG + " stage=prod version=1.0.0 -->")
                .doesNotContain(GITEA.botToken());
    }

    @Test
    @Order(3)
    void runningItAgainChangesNothing() throws Exception {
        String branch = head(BRANCH_1);
        String updated = GITEA.admin().get(REPO + "/pulls/" + first).path("updated_at").asText();

        Run run = cli("promote", "--to", "prod", "--pull-request");

        ok(run);
        assertThat(run.out()).startsWith("unchanged: Gitea pull request #" + first + " ");
        assertThat(head(BRANCH_1)).isEqualTo(branch);
        assertThat(GITEA.admin().get(REPO + "/pulls/" + first).path("updated_at").asText()).isEqualTo(updated);
        assertThat(GITEA.admin().get(REPO + "/pulls?state=all")).hasSize(1);
    }

    @Test
    @Order(4)
    void statusListsTheOpenPromotionPullRequest() throws Exception {
        String url = GITEA.server().url() + REPO.substring("/repos".length()) + "/pulls/" + first;

        Run text = cli("status");
        Run json = cli("status", "--output", "json");

        ok(text);
        assertThat(text.out()).contains("open promotion pull requests (Gitea):\n")
                .containsPattern("(?m)^prod +#" + first + " +1\\.0\\.0 +open +" + url.replace(".", "\\.") + "$");
        JsonNode prs = new ObjectMapper().readTree(json.out()).path("pullRequests");
        assertThat(prs.path("provider").asText()).isEqualTo("gitea");
        assertThat(prs.path("open")).hasSize(1);
        assertThat(prs.path("open").get(0).path("number").asInt()).isEqualTo(first);
        assertThat(prs.path("open").get(0).path("branch").asText()).isEqualTo(BRANCH_1);
        assertThat(prs.path("open").get(0).path("headCommit").asText()).isEqualTo(head(BRANCH_1));
    }

    @Test
    @Order(5)
    void aNewerVersionSupersedesTheOpenPullRequestWithACommentLinkingTheNewOne() throws Exception {
        Run run = cli("promote", "--to", "prod", "--from", "staging", "--pull-request");

        ok(run);
        JsonNode prs = GITEA.admin().get(REPO + "/pulls?state=open");
        assertThat(prs).hasSize(1);
        second = prs.get(0).path("number").asInt();
        String url = prs.get(0).path("html_url").asText();
        assertThat(prs.get(0).path("head").path("ref").asText()).isEqualTo(BRANCH_2);
        assertThat(run.out()).startsWith("opened Gitea pull request #" + second + " " + url + " (branch " + BRANCH_2)
                .contains("closed #" + first + " ");
        JsonNode old = GITEA.admin().get(REPO + "/pulls/" + first);
        assertThat(old.path("state").asText()).isEqualTo("closed");
        assertThat(old.path("merged").asBoolean()).isFalse();
        JsonNode comments = GITEA.admin().get(REPO + "/issues/" + first + "/comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("user").path("login").asText()).isEqualTo(GiteaExtension.BOT);
        assertThat(comments.get(0).path("body").asText()).startsWith("Superseded by #" + second + " (" + url + "): "
                + "Promote " + PKG + " 2.0.0 from staging to prod");
    }

    @Test
    @Order(6)
    void theMergeWaitEndsWithTheMergeCommitWhenAReviewerMerges() throws Exception {
        CompletableFuture<Run> waiting = inBackground(List.of("promote", "--to", "prod", "--from", "staging",
                "--pull-request", "--wait-merge", "3m"));

        merge(second);

        Run run = waiting.get(2, TimeUnit.MINUTES);
        ok(run);
        JsonNode pr = GITEA.admin().get(REPO + "/pulls/" + second);
        assertThat(pr.path("merged").asBoolean()).isTrue();
        assertThat(pr.path("merge_commit_sha").asText()).isEqualTo(head("main"));
        assertThat(run.out()).startsWith("unchanged: Gitea pull request #" + second + " ")
                .contains("merged by " + GiteaExtension.ADMIN + " as " + head("main"));
    }

    @Test
    @Order(7)
    void theMergeWaitEndsWithFiveWhenTheTimeIsUpAndFourWhenTheRequestIsClosedUnmerged() throws Exception {
        List<String> rollBack = List.of("promote", "--to", "prod", "--from", "qa", "--allow-downgrade",
                "--pull-request", "--wait-merge");

        Run timedOut = cli(concat(rollBack, "1s"), new StringWriter());

        assertThat(timedOut.code()).as(timedOut.all()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(timedOut.out()).startsWith("opened Gitea pull request #").contains("still open after 1s");
        JsonNode open = GITEA.admin().get(REPO + "/pulls?state=open");
        assertThat(open).hasSize(1);
        int third = open.get(0).path("number").asInt();
        assertThat(open.get(0).path("title").asText()).isEqualTo("Roll back " + PKG + " in prod to 1.0.0");

        CompletableFuture<Run> waiting = inBackground(concat(rollBack, "3m"));
        GITEA.admin().patch(REPO + "/pulls/" + third, Map.of("state", "closed"), 201);

        Run closed = waiting.get(2, TimeUnit.MINUTES);
        assertThat(closed.code()).as(closed.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(closed.out()).startsWith("unchanged: Gitea pull request #" + third + " ")
                .contains("closed without merging");
    }

    @Test
    @Order(8)
    void theTokenIsNowhere() throws Exception {
        String token = GITEA.botToken();
        assertThat(runs).isNotEmpty().allSatisfy(r -> assertThat(r.all()).doesNotContain(token));
        assertThat(SecretScan.filesContaining(dir, token)).containsExactly(tokenFile);
        assertThat(SecretScan.filesContaining(GITEA.server().dir(), token)).isEmpty();
        for (JsonNode pr : GITEA.admin().get(REPO + "/pulls?state=all")) {
            assertThat(pr.path("body").asText()).doesNotContain(token);
        }
    }

    private Run cli(String... args) {
        return cli(List.of(args), new StringWriter());
    }

    private Run cli(List<String> args, Writer errSink) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--config", config.toString(), "--username", GiteaExtension.BOT, "--token-file",
                tokenFile.toString(), "--cache-dir", dir.resolve("cache").toString()));
        StringWriter out = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(errSink, true), all.toArray(String[]::new));
        Run run = new Run(code, out.toString(), errSink.toString());
        synchronized (runs) {
            runs.add(run);
            try {
                Files.writeString(GITEA.server().dir().resolve("commands.log"), "$ carvel-gitops " + String.join(" ",
                        args) + "\n" + run.all() + "exit " + code + "\n\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return run;
    }

    /** Runs the command on another thread and returns once it has said that it waits for the merge. */
    private CompletableFuture<Run> inBackground(List<String> args) throws InterruptedException {
        LiveText err = new LiveText();
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> cli(args, err));
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!err.toString().contains("waiting up to ")) {
            if (run.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the command did not start waiting for the merge: " + (run.isDone()
                        ? run.join().all() : err));
            }
            Thread.sleep(100);
        }
        return run;
    }

    /** Merges as the administrator; Gitea refuses (405) while it is still checking whether the request merges. */
    private static void merge(int number) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            GiteaApi.Answer answer = GITEA.admin().send("POST", REPO + "/pulls/" + number + "/merge", Map.of("Do",
                    "merge"));
            if (answer.status() == 200) {
                return;
            }
            if (answer.status() != 405 || System.nanoTime() > deadline) {
                throw new AssertionError("Gitea did not merge #" + number + ": " + answer);
            }
            Thread.sleep(500);
        }
    }

    private static List<String> concat(List<String> args, String last) {
        List<String> all = new ArrayList<>(args);
        all.add(last);
        return all;
    }

    private static void ok(Run run) {
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.OK);
    }

    private String head(String branch) throws IOException {
        try (Git git = Git.open(GITEA.server().repositoryDir(GiteaExtension.BOT, "gitops").toFile())) {
            Ref ref = git.getRepository().exactRef("refs/heads/" + branch);
            return ref == null ? null : ref.getObjectId().name();
        }
    }

    private List<String> branches() throws IOException {
        try (Git git = Git.open(GITEA.server().repositoryDir(GiteaExtension.BOT, "gitops").toFile())) {
            return git.getRepository().getRefDatabase().getRefsByPrefix("refs/heads/").stream().map(Ref::getName)
                    .toList();
        }
    }

    /** A writer whose text can be read while another thread writes it. */
    private static final class LiveText extends Writer {
        private final StringBuffer text = new StringBuffer();

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
