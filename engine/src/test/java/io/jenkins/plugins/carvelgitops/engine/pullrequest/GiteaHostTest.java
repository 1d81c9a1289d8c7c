package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gitea and Forgejo pull requests as their API v1 answers them ({@code Authorization: token …}). */
class GiteaHostTest {

    static final String TOKEN = "5f0e8c2a9d1b4e7f6a3c8b2d1e0f9a8b7c6d5e4f";
    static final String REPO = "/api/v1/repos/acme/gitops";

    WireMockServer server;
    GiteaHost host;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        host = new GiteaHost(RepositoryAddress.of("http://127.0.0.1:" + server.port() + "/acme/gitops.git",
                new PullRequestSettings(ProviderKind.GITEA, null, Set.of(), List.of(), List.of(), false),
                "carvel-gitops.yaml"), TOKEN, ApiClient.defaultHttp());
    }

    /** Every request the host sent, and every answer of this fake, as Gitea's own API description allows. */
    @AfterEach
    void checkEveryExchangeAgainstGiteasDescriptionAndStop() throws Exception {
        try {
            GiteaOpenApi spec = GiteaOpenApi.load();
            if (spec == null) {
                System.out.println(GiteaOpenApi.skipped());
                return;
            }
            List<String> problems = new ArrayList<>();
            for (ServeEvent e : server.getAllServeEvents()) {
                problems.addAll(spec.check(e.getRequest().getMethod().getName(),
                        e.getRequest().getUrl().replaceFirst("^/api/v1", ""), e.getRequest().getBodyAsString(),
                        e.getResponse().getStatus(), e.getResponse().getBodyAsString()));
            }
            assertThat(problems).as("requests and responses that Gitea's API description does not allow").isEmpty();
        } finally {
            server.stop();
        }
    }

    private static String pr(int number, String branch, String base, String state, String title, String body,
            String extra) {
        return "{\"number\":" + number + ",\"html_url\":\"https://codeberg.org/acme/gitops/pulls/" + number + "\","
                + "\"state\":\"" + state + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\",\"head\":{\"ref\":\""
                + branch + "\",\"sha\":\"c0ffee\"},\"base\":{\"ref\":\"" + base + "\"},\"merged\":false,"
                + "\"merged_at\":null" + extra + "}";
    }

    @Test
    void anOpenPullRequestWithTheSameTextIsLeftAsItIsAndAChangedOneIsEdited() {
        server.stubFor(get(urlEqualTo(REPO + "/pulls?state=open&limit=50&page=1")).withHeader("Authorization",
                equalTo("token " + TOKEN)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[" + pr(7, "carvel-gitops/app.acme.io/prod/1.0.0", "main", "open", "Promote", "body", "")
                        + "," + pr(8, "carvel-gitops/app.acme.io/prod/0.9.0", "release", "open", "x", "y", "") + "]")));
        // Gitea answers an edit with 201 Created, as its description documents
        server.stubFor(patch(urlPathEqualTo(REPO + "/pulls/7")).willReturn(aResponse().withStatus(201).withBody(
                pr(7, "carvel-gitops/app.acme.io/prod/1.0.0", "main", "open", "Promote", "new body", ""))));
        PullRequestPromotion promotion = new PullRequestPromotion(host, PullRequestSettings.NONE,
                new RecordingProgress());

        PullRequestPromotion.Opened same = promotion.open("carvel-gitops/app.acme.io/prod/1.0.0",
                "carvel-gitops/app.acme.io/prod/", "main", "Promote", "body\n");
        PullRequestPromotion.Opened edited = promotion.open("carvel-gitops/app.acme.io/prod/1.0.0",
                "carvel-gitops/app.acme.io/prod/", "main", "Promote", "new body");

        assertThat(same.action()).isEqualTo("unchanged");
        assertThat(same.superseded()).as("a pull request into another base is not ours to close").isEmpty();
        assertThat(edited.action()).isEqualTo("updated");
        server.verify(1, patchRequestedFor(urlPathEqualTo(REPO + "/pulls/7")).withRequestBody(equalToJson(
                "{\"title\":\"Promote\",\"body\":\"new body\"}")));
    }

    @Test
    void statusListsTheOpenPullRequestsOfEachStageIntoTheBranch() {
        server.stubFor(get(urlEqualTo(REPO + "/pulls?state=open&limit=50&page=1")).withHeader("Authorization",
                equalTo("token " + TOKEN)).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("[" + pr(7, "carvel-gitops/app.acme.io/prod/1.0.0", "main", "open", "Promote", "body", "")
                        + "," + pr(8, "carvel-gitops/app.acme.io/prod/0.9.0", "release", "open", "x", "y", "") + "]")));

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> new GiteaHost(a, TOKEN, ApiClient.defaultHttp()))
                .read(OpenPromotionsReaderTest.config("http://127.0.0.1:" + server.port() + "/acme/gitops.git"),
                        new PullRequestSettings(ProviderKind.GITEA, null, Set.of(), List.of(), List.of(), false));

        assertThat(prs.shown()).as(prs.note()).isTrue();
        assertThat(prs.proposals()).as("one into another base is not a promotion of this repository's stages")
                .singleElement().extracting(OpenPromotions.Proposal::stage, OpenPromotions.Proposal::number,
                        OpenPromotions.Proposal::version, OpenPromotions.Proposal::headCommit)
                .containsExactly("prod", 7, "1.0.0", "c0ffee");
    }

    @Test
    void aRefusedListingIsTheStatusNoteInGiteasWords() {
        server.stubFor(get(urlEqualTo(REPO + "/pulls?state=open&limit=50&page=1")).willReturn(aResponse()
                .withStatus(404).withHeader("Content-Type", "application/json").withBody(
                        "{\"errors\":[\"user redirect does not exist [name: acme]\"],\"message\":\"GetUserByName\","
                                + "\"url\":\"https://codeberg.org/api/swagger\"}")));

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> new GiteaHost(a, TOKEN, ApiClient.defaultHttp()))
                .read(OpenPromotionsReaderTest.config("http://127.0.0.1:" + server.port() + "/acme/gitops.git"),
                        new PullRequestSettings(ProviderKind.GITEA, null, Set.of(), List.of(), List.of(), false));

        assertThat(prs.shown()).isFalse();
        assertThat(prs.note()).isEqualTo("Gitea refused GET /repos/acme/gitops/pulls?state=open&limit=50&page=1 "
                + "(HTTP 404): GetUserByName; user redirect does not exist [name: acme]").doesNotContain(TOKEN);
    }

    @Test
    void aMergedPullRequestReportsItsMergeCommitAndMerger() {
        server.stubFor(get(urlPathEqualTo(REPO + "/pulls/7")).willReturn(aResponse().withBody(
                pr(7, "b", "main", "closed", "t", "b", "").replace("\"merged\":false,\"merged_at\":null",
                        "\"merged\":true,\"merged_at\":\"2026-01-01T00:00:00Z\",\"merge_commit_sha\":\"m3rg3\","
                                + "\"merged_by\":{\"login\":\"carol\"}"))));

        assertThat(host.get(7)).extracting(PullRequest::state, PullRequest::mergeCommit, PullRequest::closedBy)
                .containsExactly(PullRequest.State.MERGED, "m3rg3", "carol");
    }

    @Test
    void labelsReviewersAndAutoMergeAsGiteaTakesThem() {
        server.stubFor(post(urlPathEqualTo(REPO + "/issues/7/labels")).willReturn(aResponse().withBody("[]")));
        server.stubFor(post(urlPathEqualTo(REPO + "/pulls/7/requested_reviewers")).willReturn(aResponse()
                .withStatus(201).withBody("[]")));
        server.stubFor(post(urlPathEqualTo(REPO + "/pulls/7/merge")).willReturn(aResponse().withStatus(200)));

        host.decorate(new PullRequest(7, "u", "b", "s", PullRequest.State.OPEN, null, null, "t", "d"),
                new PullRequestSettings(null, null, Set.of(), List.of("promotion"), List.of("alice"), true));

        server.verify(postRequestedFor(urlPathEqualTo(REPO + "/issues/7/labels")).withRequestBody(equalToJson(
                "{\"labels\":[\"promotion\"]}")));
        server.verify(postRequestedFor(urlPathEqualTo(REPO + "/pulls/7/requested_reviewers")).withRequestBody(
                equalToJson("{\"reviewers\":[\"alice\"]}")));
        server.verify(postRequestedFor(urlPathEqualTo(REPO + "/pulls/7/merge")).withRequestBody(equalToJson(
                "{\"do\":\"merge\",\"merge_when_checks_succeed\":true}")));
    }

    @Test
    void aBranchRuleIsReportedInGiteasWords() {
        server.stubFor(post(urlPathEqualTo(REPO + "/pulls")).willReturn(aResponse().withStatus(403).withBody(
                "{\"message\":\"branch carvel-gitops/app.acme.io/prod/1.0.0 is protected from creation\","
                        + "\"url\":\"https://codeberg.org/api/swagger\"}")));

        assertThatThrownBy(() -> host.create("carvel-gitops/app.acme.io/prod/1.0.0", "main", "t", "b"))
                .isInstanceOf(PullRequestException.class)
                .hasMessage("Gitea refused POST /repos/acme/gitops/pulls (HTTP 403): branch "
                        + "carvel-gitops/app.acme.io/prod/1.0.0 is protected from creation");
    }
}
