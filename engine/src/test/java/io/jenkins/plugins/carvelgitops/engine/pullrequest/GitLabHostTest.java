package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GitLab merge requests as GitLab's API v4 answers them (nested group path, iid, PRIVATE-TOKEN). */
class GitLabHostTest {

    static final String TOKEN = "glpat-Gl4bT0k3nNeverL34k";
    static final String PROJECT = "/api/v4/projects/acme%2Fplatform%2Fgitops";

    WireMockServer server;
    GitLabHost host;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        RepositoryAddress address = RepositoryAddress.of("https://gitlab.acme.example/acme/platform/gitops.git",
                new PullRequestSettings(null, "http://127.0.0.1:" + server.port() + "/api/v4", Set.of(), List.of(),
                        List.of(), false), "carvel-gitops.yaml");
        host = new GitLabHost(address, TOKEN, ApiClient.defaultHttp());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static String mr(int iid, String branch, String state, String extra) {
        return "{\"iid\":" + iid + ",\"id\":" + (1000 + iid) + ",\"web_url\":\"https://gitlab.acme.example/acme/platform/"
                + "gitops/-/merge_requests/" + iid + "\",\"source_branch\":\"" + branch + "\",\"target_branch\":\"main\","
                + "\"sha\":\"a1b2c3d4\",\"state\":\"" + state + "\",\"title\":\"t\",\"description\":\"d\"" + extra + "}";
    }

    @Test
    void supersedesTheOlderMergeRequestOfTheStage() {
        server.stubFor(get(urlEqualTo(PROJECT + "/merge_requests?state=opened&target_branch=main&per_page=100&page=1"))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)).willReturn(aResponse().withHeader("Content-Type",
                        "application/json").withBody("[" + mr(3, "carvel-gitops/app.acme.io/prod/1.0.0", "opened", "")
                        + "," + mr(4, "feature/unrelated", "opened", "") + "]")));
        server.stubFor(post(urlPathEqualTo(PROJECT + "/merge_requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(mr(5, "carvel-gitops/app.acme.io/prod/2.0.0",
                        "opened", ""))));
        server.stubFor(post(urlPathEqualTo(PROJECT + "/merge_requests/3/notes")).willReturn(aResponse().withStatus(201)
                .withBody("{}")));
        server.stubFor(put(urlPathEqualTo(PROJECT + "/merge_requests/3")).willReturn(aResponse().withBody(
                mr(3, "carvel-gitops/app.acme.io/prod/1.0.0", "closed", ""))));

        PullRequestPromotion.Opened opened = new PullRequestPromotion(host, PullRequestSettings.NONE,
                new RecordingProgress()).open("carvel-gitops/app.acme.io/prod/2.0.0", "carvel-gitops/app.acme.io/prod/",
                "main", "Promote app.acme.io 2.0.0 from qa to prod", "body");

        assertThat(opened.action()).isEqualTo("created");
        assertThat(opened.pullRequest().number()).isEqualTo(5);
        assertThat(opened.superseded()).extracting(PullRequest::number).containsExactly(3);
        server.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests")).withRequestBody(equalToJson(
                "{\"source_branch\":\"carvel-gitops/app.acme.io/prod/2.0.0\",\"target_branch\":\"main\","
                        + "\"title\":\"Promote app.acme.io 2.0.0 from qa to prod\",\"description\":\"body\","
                        + "\"remove_source_branch\":true}")));
        server.verify(postRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/3/notes")).withRequestBody(
                equalToJson("{\"body\":\"Superseded by #5 (https://gitlab.acme.example/acme/platform/gitops/-/"
                        + "merge_requests/5): Promote app.acme.io 2.0.0 from qa to prod.\"}")));
        server.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/3"))
                .withRequestBody(equalToJson("{\"state_event\":\"close\"}")));
    }

    @Test
    void statusListsTheOpenMergeRequestsOfEachStage() {
        server.stubFor(get(urlEqualTo(PROJECT + "/merge_requests?state=opened&target_branch=main&per_page=100&page=1"))
                .withHeader("PRIVATE-TOKEN", equalTo(TOKEN)).willReturn(aResponse().withHeader("Content-Type",
                        "application/json").withBody("[" + mr(3, "carvel-gitops/app.acme.io/prod/1.0.0", "opened", "")
                        + "," + mr(4, "carvel-gitops/app.acme.io/qa/1.1.0", "opened", "") + "," + mr(2,
                        "feature/unrelated", "opened", "") + "]")));
        io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig config = OpenPromotionsReaderTest.config(
                "https://gitlab.acme.example/acme/platform/gitops.git");

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> new GitLabHost(a, TOKEN, ApiClient.defaultHttp()))
                .read(config, new PullRequestSettings(null, "http://127.0.0.1:" + server.port() + "/api/v4", Set.of(),
                        List.of(), List.of(), false));

        assertThat(prs.provider()).isEqualTo(ProviderKind.GITLAB);
        assertThat(prs.proposals()).extracting(OpenPromotions.Proposal::stage, OpenPromotions.Proposal::number,
                OpenPromotions.Proposal::version, OpenPromotions.Proposal::url).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qa", 4, "1.1.0",
                                "https://gitlab.acme.example/acme/platform/gitops/-/merge_requests/4"),
                        org.assertj.core.groups.Tuple.tuple("prod", 3, "1.0.0",
                                "https://gitlab.acme.example/acme/platform/gitops/-/merge_requests/3"));
    }

    @Test
    void readsTheMergeCommitOrWhoClosedIt() {
        server.stubFor(get(urlPathEqualTo(PROJECT + "/merge_requests/5")).willReturn(aResponse().withBody(
                mr(5, "b", "merged", ",\"merge_commit_sha\":null,\"squash_commit_sha\":\"5quash\","
                        + "\"merged_by\":{\"username\":\"alice\"}"))));
        server.stubFor(get(urlPathEqualTo(PROJECT + "/merge_requests/6")).willReturn(aResponse().withBody(
                mr(6, "b", "closed", ",\"closed_by\":{\"username\":\"bob\"}"))));

        assertThat(host.get(5)).extracting(PullRequest::state, PullRequest::mergeCommit, PullRequest::closedBy)
                .containsExactly(PullRequest.State.MERGED, "5quash", "alice");
        assertThat(host.get(6)).extracting(PullRequest::state, PullRequest::closedBy)
                .containsExactly(PullRequest.State.CLOSED, "bob");
    }

    @Test
    void labelsReviewersByNameAndAutoMerge() {
        server.stubFor(get(urlEqualTo("/api/v4/users?username=alice")).willReturn(aResponse().withBody(
                "[{\"id\":17,\"username\":\"alice\"}]")));
        server.stubFor(put(urlPathEqualTo(PROJECT + "/merge_requests/5")).willReturn(aResponse().withBody(mr(5, "b",
                "opened", ""))));
        server.stubFor(put(urlPathEqualTo(PROJECT + "/merge_requests/5/merge")).willReturn(aResponse().withBody(
                mr(5, "b", "opened", ""))));

        host.decorate(new PullRequest(5, "u", "b", "s", PullRequest.State.OPEN, null, null,
                "t", "d"), new PullRequestSettings(null, null, Set.of(), List.of("promotion"), List.of("alice"), true));

        server.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5")).withRequestBody(equalToJson(
                "{\"add_labels\":\"promotion\",\"reviewer_ids\":[17]}")));
        server.verify(putRequestedFor(urlPathEqualTo(PROJECT + "/merge_requests/5/merge")).withRequestBody(
                equalToJson("{\"merge_when_pipeline_succeeds\":true}")));
    }

    @Test
    void aMissingScopeIsReportedInGitLabsWordsWithoutTheToken() {
        server.stubFor(post(urlPathEqualTo(PROJECT + "/merge_requests")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":\"insufficient_scope\",\"error_description\":\"The request requires higher "
                        + "privileges than provided by the access token.\",\"scope\":\"api\"}")));

        assertThatThrownBy(() -> host.create("b", "main", "t", "mentions " + TOKEN))
                .isInstanceOf(PullRequestException.class)
                .hasMessageContaining("GitLab refused POST " + PROJECT.substring(7) + "/merge_requests (HTTP 403)")
                .hasMessageContaining("insufficient_scope").hasMessageContaining("higher privileges")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    }
}
