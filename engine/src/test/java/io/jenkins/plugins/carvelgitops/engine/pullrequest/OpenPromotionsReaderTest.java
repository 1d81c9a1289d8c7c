package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which open pull requests {@code status} shows for which stage, and what it says when it shows none. */
class OpenPromotionsReaderTest {

    static final String TOKEN = "ghp_St4tusT0k3nNeverSh0wn";

    static GitopsConfig config(String url) {
        return Fixtures.config("""
                package: app.acme.io
                repository: {url: %s, branch: main}
                flux: {url: https://git.example.com/acme/gitops.git, namespace: build-ns}
                stages:
                  - {name: qa, namespace: apps, serviceAccount: app-installer}
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """.formatted(url));
    }

    static PullRequest open(int number, String branch) {
        return new PullRequest(number, "https://github.com/acme/gitops/pull/" + number, branch, "c0ffee" + number,
                PullRequest.State.OPEN, null, null, "t", "b");
    }

    /** A host that answers {@link PullRequestHost#open} and records what it was asked. */
    static final class ListingHost implements PullRequestHost {
        final List<String> asked = new ArrayList<>();
        final List<PullRequest> pulls;
        final PullRequestException refusal;

        ListingHost(List<PullRequest> pulls, PullRequestException refusal) {
            this.pulls = pulls;
            this.refusal = refusal;
        }

        @Override
        public ProviderKind kind() {
            return ProviderKind.GITHUB;
        }

        @Override
        public List<PullRequest> open(String base, String headPrefix) {
            asked.add(base + " " + headPrefix);
            if (refusal != null) {
                throw refusal;
            }
            return pulls.stream().filter(p -> p.headBranch().startsWith(headPrefix)).toList();
        }

        @Override
        public PullRequest create(String head, String base, String title, String body) {
            throw new AssertionError("status only reads");
        }

        @Override
        public PullRequest edit(int number, String title, String body) {
            throw new AssertionError("status only reads");
        }

        @Override
        public void comment(int number, String text) {
            throw new AssertionError("status only reads");
        }

        @Override
        public void close(int number) {
            throw new AssertionError("status only reads");
        }

        @Override
        public PullRequest get(int number) {
            throw new AssertionError("status lists once");
        }

        @Override
        public void decorate(PullRequest pullRequest, PullRequestSettings settings) {
            throw new AssertionError("status only reads");
        }
    }

    @Test
    void groupsThePackagesOpenPromotionBranchesByStageWithOneListing() {
        ListingHost host = new ListingHost(List.of(open(9, "carvel-gitops/app.acme.io/prod/2.0.0"),
                open(4, "carvel-gitops/app.acme.io/prod/1.9.0"), open(5, "carvel-gitops/app.acme.io/qa/2.0.0"),
                open(6, "carvel-gitops/app.acme.io/prod/2.0.0/extra"), open(7, "carvel-gitops/other.acme.io/prod/1.0.0"),
                open(8, "carvel-gitops/app.acme.io/dev/1.0.0")), null);

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> host).read(config(
                "https://github.com/acme/gitops.git"), PullRequestSettings.NONE);

        assertThat(host.asked).containsExactly("main carvel-gitops/app.acme.io/");
        assertThat(prs.shown()).isTrue();
        assertThat(prs.provider()).isEqualTo(ProviderKind.GITHUB);
        assertThat(prs.proposals()).extracting(OpenPromotions.Proposal::stage, OpenPromotions.Proposal::number,
                OpenPromotions.Proposal::version).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("qa", 5, "2.0.0"),
                        org.assertj.core.groups.Tuple.tuple("prod", 4, "1.9.0"),
                        org.assertj.core.groups.Tuple.tuple("prod", 9, "2.0.0"));
        assertThat(prs.of("prod").get(1)).extracting(OpenPromotions.Proposal::url, OpenPromotions.Proposal::headCommit,
                OpenPromotions.Proposal::state).containsExactly("https://github.com/acme/gitops/pull/9", "c0ffee9",
                        PullRequest.State.OPEN);
    }

    @Test
    void withoutATokenNothingIsAskedAndOneLineSaysWhy() {
        ListingHost host = new ListingHost(List.of(), null);

        OpenPromotions prs = new OpenPromotionsReader(" ", a -> host).read(config("https://github.com/acme/gitops.git"),
                PullRequestSettings.NONE);

        assertThat(host.asked).isEmpty();
        assertThat(prs.shown()).isFalse();
        assertThat(prs.provider()).isEqualTo(ProviderKind.GITHUB);
        assertThat(prs.note()).isEqualTo("no token was given: GitHub lists pull requests only to a token; give one "
                + "with {gitCredentials}").doesNotContain("\n");
    }

    @Test
    void aProvidersRefusalIsTheNoteAndNeverTheToken() {
        ListingHost host = new ListingHost(List.of(), new PullRequestException("GitHub refused GET /repos/acme/gitops/"
                + "pulls (HTTP 401): Bad credentials " + TOKEN + "\nsecond line"));

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> host).read(config("https://github.com/acme/gitops.git"),
                PullRequestSettings.NONE);

        assertThat(prs.shown()).isFalse();
        assertThat(prs.proposals()).isEmpty();
        assertThat(prs.note()).startsWith("GitHub refused GET /repos/acme/gitops/pulls (HTTP 401): Bad credentials")
                .doesNotContain(TOKEN).doesNotContain("\n");
    }

    @Test
    void aRepositoryWithoutAProviderShowsNoneAndAsksNothing() {
        ListingHost host = new ListingHost(List.of(), null);
        OpenPromotionsReader reader = new OpenPromotionsReader(TOKEN, a -> host);

        OpenPromotions local = reader.read(config("./gitops"), PullRequestSettings.NONE);
        OpenPromotions unknownHost = reader.read(config("https://git.acme.example/acme/gitops.git"),
                PullRequestSettings.NONE);

        assertThat(host.asked).isEmpty();
        assertThat(local.provider()).isNull();
        assertThat(local.note()).isEmpty();
        assertThat(unknownHost.provider()).isNull();
        assertThat(unknownHost.note()).contains("repository.provider");
    }

    @Test
    void theConfiguredProviderServesAnyHost() {
        ListingHost host = new ListingHost(List.of(open(3, "carvel-gitops/app.acme.io/qa/1.0.0")), null);
        List<RepositoryAddress> addresses = new ArrayList<>();

        OpenPromotions prs = new OpenPromotionsReader(TOKEN, a -> {
            addresses.add(a);
            return host;
        }).read(config("https://git.acme.example/acme/gitops.git"), new PullRequestSettings(ProviderKind.GITEA, null,
                java.util.Set.of(), List.of(), List.of(), false));

        assertThat(addresses).extracting(a -> a.apiRoot().toString()).containsExactly("https://git.acme.example/api/v1");
        assertThat(prs.of("qa")).extracting(OpenPromotions.Proposal::number).containsExactly(3);
    }
}
