package io.jenkins.plugins.carvelgitops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.StatusSamples;
import org.junit.jupiter.api.Test;

class StatusPageTest {

    final String html = StatusPage.html(StatusSamples.live());

    @Test
    void isOneSelfContainedPageThatLoadsNothingAndRunsNothing() {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'\">");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void everyValueIsEscaped() {
        assertThat(html).doesNotContain(StatusSamples.HOSTILE)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
        assertThat(StatusPage.esc("a\u0000b<")).isEqualTo("a b&lt;");
    }

    @Test
    void aRowPerStageWithItsStateAndACellPerColumn() {
        assertThat(html).contains("<tr class=\"stage state-ready\" id=\"stage-dev\" data-stage=\"dev\" "
                + "data-state=\"ready\">")
                .contains("<tr class=\"stage state-progressing\" id=\"stage-staging\"")
                .contains("<tr class=\"stage state-failed\" id=\"stage-qa\"")
                .contains("<tr class=\"stage state-progressing\" id=\"stage-prod\"")
                .contains("<th scope=\"col\">Pinned in Git</th><th scope=\"col\">Live version</th>"
                        + "<th scope=\"col\">Flux</th><th scope=\"col\">PackageInstall</th>")
                .contains("<td class=\"cell live state-progressing\"><span class=\"version\">1.2.9</span>"
                        + "<span class=\"detail\">Git pins 1.3.0</span>")
                .contains("<td class=\"cell pkgi state-failed\">")
                .contains("<pre class=\"message\">ReconcileFailed: kapp: Error: Checking existance")
                .contains("<li class=\"pill state-ready\">1 ready</li><li class=\"pill state-progressing\">2 "
                        + "progressing</li><li class=\"pill state-failed\">1 failed</li>");
    }

    @Test
    void gitOnlySaysSoAndShowsThePinnedVersions() {
        String page = StatusPage.html(StatusSamples.gitOnly());
        assertThat(page).contains("<p class=\"note\">Git only: no cluster access was given")
                .contains("<span class=\"version\">1.2.8</span>").contains("<span class=\"word\">Not read</span>")
                .doesNotContain("Source: GitRepository").contains("4 unknown")
                .doesNotContain("<pre class=\"message\">not read: Git only</pre>");
    }
}
