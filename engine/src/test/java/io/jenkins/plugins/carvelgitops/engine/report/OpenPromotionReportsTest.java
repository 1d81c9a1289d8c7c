package io.jenkins.plugins.carvelgitops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions.Proposal;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusSamples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open promotion pull requests as status text, JSON and HTML. */
class OpenPromotionReportsTest {

    static final OpenPromotions TWO = new OpenPromotions(ProviderKind.GITHUB, "", List.of(
            new Proposal("qa", 5, "https://github.com/acme/gitops/pull/5", "1.3.0",
                    "carvel-gitops/app.default.tap/qa/1.3.0", "0123456789abcdef0123", PullRequest.State.OPEN),
            new Proposal("prod", 12, "javascript:alert('x')", "1.3.0<b>", "carvel-gitops/app.default.tap/prod/1.3.0<b>",
                    null, PullRequest.State.OPEN)));

    @Test
    void textIsATableOfStageNumberVersionStateAndUrl() {
        assertThat(OpenPromotionReports.text(TWO)).isEqualTo("""

                open promotion pull requests (GitHub):
                STAGE  PULL REQUEST  VERSION   STATE  URL
                qa     #5            1.3.0     open   https://github.com/acme/gitops/pull/5
                prod   #12           1.3.0<b>  open   javascript:alert('x')
                """);
    }

    @Test
    void textSaysInOneLineWhyNoneAreShownAndNothingWithoutAProvider() {
        assertThat(OpenPromotionReports.text(new OpenPromotions(ProviderKind.GITLAB, "no token was given\nreally", List.of())))
                .isEqualTo("\npull requests not shown: no token was given; really\n");
        assertThat(OpenPromotionReports.text(new OpenPromotions(ProviderKind.GITEA, "", List.of())))
                .isEqualTo("\nopen promotion pull requests (Gitea): none\n");
        assertThat(OpenPromotionReports.text(new OpenPromotions(null, "", List.of()))).isEmpty();
    }

    @Test
    void theDocumentSectionHoldsEveryField() {
        Map<String, Object> doc = TWO.toDocument().map();
        assertThat(doc).containsEntry("provider", "github").containsEntry("shown", true).containsEntry("note", "");
        assertThat((List<?>) doc.get("open")).first().isEqualTo(Map.of("stage", "qa", "number", 5L, "url",
                "https://github.com/acme/gitops/pull/5", "version", "1.3.0", "branch",
                "carvel-gitops/app.default.tap/qa/1.3.0", "headCommit", "0123456789abcdef0123", "state", "open"));
        assertThat(new OpenPromotions(null, "", List.of()).toDocument().map())
                .containsEntry("provider", null).containsEntry("shown", false);
    }

    @Test
    void thePageLinksOnlyHttpPagesAndEscapesEverything() {
        String page = StatusPage.html(StatusSamples.live(), new OpenPromotions(ProviderKind.GITHUB, "", List.of(
                new Proposal("qa", 5, "https://github.com/acme/gitops/pull/5", "1.3.0", "b", "0123456789abcdef",
                        PullRequest.State.OPEN),
                new Proposal("prod", 12, "javascript:alert('x')", "1.3.0<b>", "b", null, PullRequest.State.OPEN))));

        assertThat(page).contains("<h2>Open promotion pull requests <span class=\"sub\">GitHub</span></h2>")
                .contains("<tr data-stage=\"qa\"><th scope=\"row\">qa</th><td><a href=\"https://github.com/acme/gitops/"
                        + "pull/5\">#5</a></td><td class=\"version\">1.3.0</td><td>open</td>")
                .contains("<td>#12</td><td class=\"version\">1.3.0&lt;b&gt;</td>")
                .doesNotContain("javascript:").doesNotContain("1.3.0<b>");
        assertThat(StatusPage.html(StatusSamples.live(), new OpenPromotions(ProviderKind.GITHUB, "no token <x>",
                List.of()))).contains("<p class=\"note\">Not shown: no token &lt;x&gt;</p>");
        assertThat(StatusPage.html(StatusSamples.live(), new OpenPromotions(null, "", List.of())))
                .isEqualTo(StatusPage.html(StatusSamples.live()));
    }
}
