package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions.Proposal;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.text.TextTable;
import java.util.List;
import java.util.Locale;

/**
 * The open promotion pull requests of {@code status} ({@link OpenPromotions}) as a section of its text,
 * its JSON document ({@code pullRequests}) and its HTML page. A repository without a provider gets no
 * section in text or HTML; one whose pull requests could not be listed gets one line saying why.
 */
public final class OpenPromotionReports {

    private OpenPromotionReports() {
    }

    /** The section, starting with an empty line; "" when there is nothing to say. */
    public static String text(OpenPromotions prs) {
        if (prs.provider() == null) {
            return "";
        }
        if (!prs.shown()) {
            return "\npull requests not shown: " + Text.oneLine(prs.note()) + "\n";
        }
        if (prs.proposals().isEmpty()) {
            return "\nopen promotion pull requests (" + prs.provider().title() + "): none\n";
        }
        TextTable table = new TextTable("STAGE", "PULL REQUEST", "VERSION", "STATE", "URL");
        for (Proposal p : prs.proposals()) {
            table.row(p.stage(), "#" + p.number(), p.version(), word(p), p.url() == null ? "-" : p.url());
        }
        return "\nopen promotion pull requests (" + prs.provider().title() + "):\n" + table.text("");
    }

    /** The section of the status page, after the grid; nothing for a repository without a provider. */
    static void html(StringBuilder h, OpenPromotions prs, List<String> stages) {
        if (prs.provider() == null) {
            return;
        }
        h.append("<section class=\"pull-requests\">\n<h2>Open promotion pull requests <span class=\"sub\">")
                .append(StatusPage.esc(prs.provider().title())).append("</span></h2>\n");
        if (!prs.shown()) {
            h.append("<p class=\"note\">Not shown: ").append(StatusPage.esc(Text.oneLine(prs.note()))).append("</p>\n");
        } else if (prs.proposals().isEmpty()) {
            h.append("<p class=\"note\">None open.</p>\n");
        } else {
            h.append("<table class=\"prs\">\n<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Pull request</th>")
                    .append("<th scope=\"col\">Version</th><th scope=\"col\">State</th><th scope=\"col\">Head</th>")
                    .append("</tr></thead>\n<tbody>\n");
            for (String stage : stages) {
                for (Proposal p : prs.of(stage)) {
                    h.append("<tr data-stage=\"").append(StatusPage.esc(p.stage())).append("\"><th scope=\"row\">")
                            .append(StatusPage.esc(p.stage())).append("</th><td>");
                    link(h, p);
                    h.append("</td><td class=\"version\">").append(StatusPage.esc(p.version())).append("</td><td>")
                            .append(word(p)).append("</td><td class=\"mono\">")
                            .append(StatusPage.esc(p.headCommit() == null ? "" : Revisions.shortSha(p.headCommit())))
                            .append("</td></tr>\n");
                }
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");
    }

    /** A link only to an http(s) page: the URL comes from the provider. */
    private static void link(StringBuilder h, Proposal p) {
        String label = "#" + p.number();
        if (p.url() != null && p.url().matches("(?i)https?://[^\\s\"'<>]+")) {
            h.append("<a href=\"").append(StatusPage.esc(p.url())).append("\">").append(label).append("</a>");
        } else {
            h.append(label);
        }
    }

    private static String word(Proposal p) {
        return p.state().name().toLowerCase(Locale.ROOT);
    }
}
