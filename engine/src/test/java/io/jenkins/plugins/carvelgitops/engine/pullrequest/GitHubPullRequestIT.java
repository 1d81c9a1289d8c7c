package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.JGitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteGitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.promote.LiveCheck;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.SourceNotLiveException;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotion through GitHub pull requests: a real smart-HTTP Git server for the branches and a GitHub
 * Enterprise Server API on 127.0.0.1, every exchange checked against GitHub's OpenAPI description.
 */
class GitHubPullRequestIT {

    static final String USER = "release-bot";
    static final String TOKEN = "ghp_PrT0k3nTh4tMustN3v3rL34k";
    static final String BRANCH_1 = "carvel-gitops/hello.default.tap/prod/1.0.0";

    @TempDir
    Path tmp;

    GitHttpServer git;
    BareRemote remote;
    GitHubFake github;
    GitHubOpenApi spec;
    Path config;
    RecordingProgress listener = new RecordingProgress();

    @BeforeEach
    void start() throws Exception {
        spec = GitHubOpenApi.load();
        remote = BareRemote.create(tmp.resolve("served/acme/gitops.git"), "main");
        git = GitHttpServer.start(tmp.resolve("served"), USER, TOKEN);
        github = new GitHubFake(TOKEN, spec, remote);
        config = Fixtures.config(tmp.resolve("app"), git.url("acme/gitops.git"), """
                pullRequests:
                  labels: [promotion]
                  reviewers: [alice]
                """);
        String yaml = Files.readString(config).replace("  branch: main\n", "  branch: main\n  provider: github\n"
                + "  apiUrl: " + github.apiUrl() + "\n").replace("  - name: prod\n", "  - name: prod\n"
                + "    pullRequest: true\n");
        Files.writeString(config, yaml);
    }

    @AfterEach
    void checkEveryExchangeAgainstGitHubsDescription() throws Exception {
        try {
            if (spec == null) {
                System.out.println(GitHubOpenApi.skipped());
                return;
            }
            List<String> problems = new ArrayList<>();
            for (ServeEvent e : github.server.getAllServeEvents()) {
                problems.addAll(spec.check(e.getRequest().getMethod().getName(),
                        e.getRequest().getUrl().replaceFirst("^/api/v3", ""), e.getRequest().getBodyAsString(),
                        e.getResponse().getStatus(), e.getResponse().getBodyAsString()));
            }
            assertThat(problems).as("requests and responses that GitHub's OpenAPI description does not allow")
                    .isEmpty();
        } finally {
            github.close();
            git.close();
        }
    }

    private Function<GitopsConfig, GitopsRepository> repositories() {
        RemoteOptions options = RemoteOptions.defaults(tmp.resolve("cache")).withAuth(new TokenAuth(USER, TOKEN),
                "GIT_TOKEN");
        return c -> new RemoteGitopsRepository(() -> JGitRemote.open(c.repository().url(), "main", options,
                CommitSpec.DEFAULT, listener), options.retry(), listener);
    }

    private PullRequestPromoteService service() {
        return new PullRequestPromoteService(repositories(), a -> new GitHubHost(a, TOKEN, ApiClient.defaultHttp()),
                listener);
    }

    private void deliverToQa(String version) throws Exception {
        new RenderService(repositories(), listener).run(new RenderJob(config, ConfigOverrides.NONE,
                Fixtures.packageFile(tmp.resolve("pkgs"), version), List.of(), null, false, 0));
        new PromoteService(repositories(), listener).run(job("qa"));
    }

    /** A promotion that requires the source stage live, and finds it so. */
    private PromoteJob liveJob(String to) {
        return PromoteJob.builder(config).to(to)
                .requireLive((stage, ns, name, version) -> new LiveCheck.Result(true, "ReconcileSucceeded", "")).build();
    }

    private PromoteJob job(String to) {
        return PromoteJob.builder(config).to(to).build();
    }

    @Test
    void opensOnePullRequestFromThePromotionBranchAndASecondRunChangesNothing() throws Exception {
        deliverToQa("1.0.0");
        String mainBefore = remote.head();
        assertThat(PullRequestPromoteService.wanted(job("prod"), false)).as("prod is pull-request-only").isTrue();
        assertThat(PullRequestPromoteService.wanted(job("qa"), false)).isFalse();

        PullRequestOutcome first = service().run(liveJob("prod"));

        assertThat(remote.head()).as("main is not touched").isEqualTo(mainBefore);
        assertThat(first.action()).isEqualTo("created");
        assertThat(first.provider()).isEqualTo(ProviderKind.GITHUB);
        PullRequest pr = first.pullRequest();
        assertThat(pr.headBranch()).isEqualTo(BRANCH_1);
        assertThat(pr.headSha()).isEqualTo(remote.head(BRANCH_1)).isEqualTo(first.promotion().commit().sha());
        assertThat(pr.title()).isEqualTo("Promote hello.default.tap 1.0.0 from qa to prod");
        assertThat(pr.body()).contains("from stage **qa**", "to stage **prod**", "`hello.default.tap/packages/1.0.0.yaml`",
                "hello.default.tap/prod/packageinstall.yaml`: added", "qa runs 1.0.0 (ReconcileSucceeded)", "```diff")
                .doesNotContain(TOKEN);
        assertThat(github.pulls.get(pr.number()).path("labels_fake").toString()).contains("promotion");
        assertThat(github.pulls.get(pr.number()).path("reviewers_fake").toString()).contains("alice");

        int calls = github.server.getAllServeEvents().size();
        PullRequestOutcome second = service().run(liveJob("prod"));

        assertThat(second.action()).isEqualTo("unchanged");
        assertThat(second.pullRequest().number()).isEqualTo(pr.number());
        assertThat(remote.head(BRANCH_1)).as("the branch is not pushed again").isEqualTo(pr.headSha());
        assertThat(github.server.getAllServeEvents().subList(0, github.server.getAllServeEvents().size() - calls))
                .as("the second run only reads").allSatisfy(e -> assertThat(e.getRequest().getMethod().getName())
                        .isEqualTo("GET"));
        assertThat(github.open()).hasSize(1);
        assertThat(listener.text()).doesNotContain(TOKEN);
        assertThat(SecretScan.filesContaining(tmp.resolve("cache"), TOKEN)).isEmpty();
    }

    @Test
    void aSourceStageThatDoesNotRunTheVersionOpensNoPullRequest() throws Exception {
        deliverToQa("1.0.0");
        PromoteJob notLive = PromoteJob.builder(config).to("prod").requireLive((stage, ns, name, version) ->
                new LiveCheck.Result(false, "ReconcileFailed", stage + ": not live at " + version)).build();

        assertThatThrownBy(() -> service().run(notLive)).isInstanceOf(SourceNotLiveException.class)
                .hasMessage("refusing to promote 1.0.0 to prod: qa: not live at 1.0.0; nothing committed");
        assertThat(remote.head(BRANCH_1)).as("no branch pushed").isNull();
        assertThat(github.open()).isEmpty();
    }

    @Test
    void statusListsTheOpenPromotionOfEachStageInOneRead() throws Exception {
        deliverToQa("1.0.0");
        PullRequest pr = service().run(job("prod")).pullRequest();
        GitopsConfig loaded = io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader.load(config, "carvel-gitops.yaml",
                ConfigOverrides.NONE);
        int calls = github.server.getAllServeEvents().size();

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> new GitHubHost(a, TOKEN, ApiClient.defaultHttp()))
                .read(loaded, PullRequestSettings.read(config, "carvel-gitops.yaml", ConfigOverrides.NONE));

        assertThat(prs.shown()).as(prs.note()).isTrue();
        assertThat(prs.of("qa")).isEmpty();
        assertThat(prs.of("prod")).singleElement().satisfies(p -> {
            assertThat(p.number()).isEqualTo(pr.number());
            assertThat(p.url()).isEqualTo(pr.url());
            assertThat(p.version()).isEqualTo("1.0.0");
            assertThat(p.headCommit()).isEqualTo(remote.head(BRANCH_1));
            assertThat(p.state()).isEqualTo(PullRequest.State.OPEN);
        });
        assertThat(github.server.getAllServeEvents()).hasSize(calls + 1);
    }

    @Test
    void aPullRequestOnlyFirstStageGetsItsRenderAsAPullRequest() throws Exception {
        Files.writeString(config, Files.readString(config).replace("  - name: staging\n", "  - name: staging\n"
                + "    pullRequest: true\n"));
        RenderJob render = new RenderJob(config, ConfigOverrides.NONE, Fixtures.packageFile(tmp.resolve("pkgs"),
                "1.0.0"), List.of(), null, false, 0);
        assertThat(PullRequestRender.wanted(render)).isTrue();
        PullRequestRender through = new PullRequestRender(render, repositories(), a -> new GitHubHost(a, TOKEN,
                ApiClient.defaultHttp()), listener);

        new RenderService(through.repositories(), listener).run(render);

        assertThat(remote.head()).as("main stays empty").isNull();
        String branch = "carvel-gitops/hello.default.tap/staging/1.0.0";
        assertThat(through.summary()).containsEntry("branch", branch).containsEntry("action", "created")
                .containsEntry("headCommit", remote.head(branch)).containsEntry("state", "open");
        assertThat(github.open()).singleElement().satisfies(pr -> {
            assertThat(pr.path("title").asText()).isEqualTo("Deliver hello.default.tap 1.0.0 to staging");
            assertThat(pr.path("body").asText()).contains("`hello.default.tap/packages/1.0.0.yaml`",
                    "hello.default.tap/staging/packageinstall.yaml`: added").doesNotContain(TOKEN);
        });
    }

    @Test
    void aNewerPromotionSupersedesTheOpenOne() throws Exception {
        deliverToQa("1.0.0");
        PullRequest older = service().run(job("prod")).pullRequest();
        deliverToQa("2.0.0");

        PullRequestOutcome newer = service().run(job("prod"));

        assertThat(newer.pullRequest().headBranch()).isEqualTo("carvel-gitops/hello.default.tap/prod/2.0.0");
        assertThat(newer.superseded()).extracting(PullRequest::number).containsExactly(older.number());
        assertThat(github.open()).extracting(p -> p.path("number").asInt()).containsExactly(newer.pullRequest()
                .number());
        assertThat(github.comments).containsExactly("#" + older.number() + ": Superseded by #" + newer.pullRequest()
                .number() + " (" + newer.pullRequest().url() + "): Promote hello.default.tap 2.0.0 from qa to prod.");
    }

    @Test
    void aProtectedBranchRefusesTheDirectPushWhileThePullRequestPathWorks() throws Exception {
        deliverToQa("1.0.0");
        git.protectBranch("main", "protected branch hook declined: changes must be made through a pull request");

        assertThatThrownBy(() -> new PromoteService(repositories(), listener).run(job("prod")))
                .isInstanceOf(GitopsGitException.class).hasMessageContaining("protected branch hook declined");
        PullRequestOutcome viaPr = service().run(job("prod"));

        assertThat(viaPr.action()).isEqualTo("created");
        assertThat(remote.head(BRANCH_1)).isEqualTo(viaPr.pullRequest().headSha());
    }

    @Test
    void aLookAtAMergedPullRequestEndsTheWaitWithTheMergeCommit() throws Exception {
        deliverToQa("1.0.0");
        PullRequest pr = service().run(job("prod")).pullRequest();
        GitHubHost host = new GitHubHost(address(), TOKEN, ApiClient.defaultHttp());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant deadline = start.plus(Duration.ofMinutes(10));
        assertThat(MergeWait.decide(host.get(pr.number()), start, start, deadline)).as("open: pending").isNull();
        github.merge(pr.number(), "6dcb09b5b57875f334f61aebed695e2e4193db5e", "alice");

        MergeWait.Result result = MergeWait.decide(host.get(pr.number()), start, start.plusSeconds(15), deadline);

        assertThat(result.ending()).isEqualTo(MergeWait.Ending.MERGED);
        assertThat(result.pullRequest().mergeCommit()).isEqualTo("6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(result.pullRequest().closedBy()).isEqualTo("alice");
        assertThat(result.waited()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aPullRequestClosedUnmergedEndsTheWaitNamingWhoClosedIt() throws Exception {
        deliverToQa("1.0.0");
        PullRequest pr = service().run(job("prod")).pullRequest();
        github.closeBy(pr.number(), "bob");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        MergeWait.Result result = MergeWait.decide(new GitHubHost(address(), TOKEN, ApiClient.defaultHttp())
                .get(pr.number()), start, start, start.plusSeconds(600));

        assertThat(result.ending()).isEqualTo(MergeWait.Ending.CLOSED);
        assertThat(result.pullRequest().closedBy()).isEqualTo("bob");
        assertThat(MergeWait.ended(result, Duration.ofMinutes(10))).contains("closed without merging by bob");
    }

    @Test
    void anOpenPullRequestTimesOutAtTheDeadlineAndStaysOpen() throws Exception {
        deliverToQa("1.0.0");
        PullRequest pr = service().run(job("prod")).pullRequest();
        GitHubHost host = new GitHubHost(address(), TOKEN, ApiClient.defaultHttp());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant deadline = start.plusSeconds(100);

        assertThat(MergeWait.decide(host.get(pr.number()), start, start.plusSeconds(99), deadline)).isNull();
        MergeWait.Result result = MergeWait.decide(host.get(pr.number()), start, deadline, deadline);

        assertThat(result.ending()).isEqualTo(MergeWait.Ending.TIMED_OUT);
        assertThat(MergeWait.untilNextLook(start.plusSeconds(80), deadline, Duration.ofSeconds(40)))
                .as("the last look is at the deadline").isEqualTo(Duration.ofSeconds(20));
        assertThat(github.open()).hasSize(1);
    }

    @Test
    void aTokenWithoutTheRepoScopeIsReportedInGitHubsWordsWithoutTheToken() throws Exception {
        deliverToQa("1.0.0");
        github.tokenLacksScope = true;

        assertThatThrownBy(() -> service().run(job("prod"))).isInstanceOf(PullRequestException.class)
                .hasMessageContaining("Resource not accessible by personal access token")
                .hasMessageContaining("scope repo and the token has read:org")
                .satisfies(e -> assertThat(SecretScan.throwableText(e)).doesNotContain(TOKEN));
    }

    private RepositoryAddress address() {
        return RepositoryAddress.of(git.url("acme/gitops.git"), new PullRequestSettings(ProviderKind.GITHUB,
                github.apiUrl(), java.util.Set.of(), List.of(), List.of(), false), "carvel-gitops.yaml");
    }
}
