package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.OpenPromotions;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.verify.ReadinessRules;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.GitPin;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.ObjectStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link StatusReport} as one self-contained HTML page: inline CSS, no script, nothing loaded from
 * anywhere (its Content-Security-Policy forbids it). A grid of stages by what Git pins, the version
 * live, Flux and the PackageInstall, coloured by state, with the controller's message where something
 * is not ready. Every value is escaped: it comes from clusters and repositories.
 */
public final class StatusPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The page's style sheet, inlined so the page is one self-contained file. */
    private static final String CSS = css();

    private StatusPage() {
    }

    private static String css() {
        try (InputStream in = StatusPage.class.getResourceAsStream("StatusPage.css")) {
            if (in == null) {
                throw new IllegalStateException("StatusPage.css is missing from the engine's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read StatusPage.css from the engine's jar", e);
        }
    }

    public static String html(StatusReport report) {
        return html(report, null);
    }

    /** @param pullRequests the open promotion pull requests, shown after the grid; null for none */
    public static String html(StatusReport report, OpenPromotions pullRequests) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"generator\" content=\"carvel-gitops status\">\n")
                .append("<title>").append(esc(report.packageName())).append(": delivery status</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, report);
        grid(h, report);
        if (pullRequests != null) {
            OpenPromotionReports.html(h, pullRequests, report.stages().stream().map(StageStatus::stage).toList());
        }
        legend(h);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, StatusReport report) {
        h.append("<header>\n<h1>").append(esc(report.packageName()))
                .append(" <span class=\"sub\">delivery status</span></h1>\n");
        h.append("<p class=\"meta\">Branch <code>").append(esc(report.branch())).append("</code> at <code title=\"")
                .append(esc(report.head())).append("\">").append(esc(Revisions.shortSha(report.head())))
                .append("</code> of <code>").append(esc(report.repository())).append("</code> &middot; checked ")
                .append("<time datetime=\"").append(esc(report.checkedAt().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append("\">").append(esc(TIME.format(report.checkedAt()))).append("</time></p>\n");
        Map<State, Integer> counts = new EnumMap<>(State.class);
        report.stages().forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        h.append("<ul class=\"summary\">");
        for (State state : new State[] {State.READY, State.PROGRESSING, State.FAILED, State.UNKNOWN}) {
            Integer n = counts.get(state);
            if (n != null) {
                h.append("<li class=\"pill ").append(cls(state)).append("\">").append(n).append(' ')
                        .append(state.word()).append("</li>");
            }
        }
        h.append("</ul>\n");
        if (!report.note().isEmpty()) {
            h.append("<p class=\"note\">").append(esc(report.note())).append("</p>\n");
        }
        if (report.source() != null) {
            ObjectStatus s = report.source();
            h.append("<p class=\"source\">Source: GitRepository <code>").append(esc(s.namespace() + "/" + s.name()))
                    .append("</code> <span class=\"pill ").append(cls(s.state())).append("\">")
                    .append(s.state().word()).append("</span>");
            if (s.revision() != null) {
                h.append(" at <code>").append(esc(ReadinessRules.abbreviate(s.revision()))).append("</code>");
            }
            if (s.state() != State.READY && !s.message().isEmpty()) {
                h.append(" &middot; ").append(esc(Text.oneLine(s.message())));
            }
            h.append("</p>\n");
        }
        h.append("</header>\n");
    }

    private static void grid(StringBuilder h, StatusReport report) {
        h.append("<main>\n<table class=\"grid\">\n<thead><tr><th scope=\"col\">Stage</th>")
                .append("<th scope=\"col\">Pinned in Git</th><th scope=\"col\">Live version</th>")
                .append("<th scope=\"col\">Flux</th><th scope=\"col\">PackageInstall</th></tr></thead>\n<tbody>\n");
        for (StageStatus stage : report.stages()) {
            State state = stage.state();
            h.append("<tr class=\"stage ").append(cls(state)).append("\" id=\"stage-").append(esc(stage.stage()))
                    .append("\" data-stage=\"").append(esc(stage.stage())).append("\" data-state=\"")
                    .append(state.word()).append("\">\n");
            h.append("<th scope=\"row\"><span class=\"stage-name\">").append(esc(stage.stage()))
                    .append("</span><span class=\"pill ").append(cls(state)).append("\">")
                    .append(state.word()).append("</span></th>\n");
            gitCell(h, stage.git());
            liveCell(h, stage, report.live());
            fluxCell(h, stage, report.live());
            packageInstallCell(h, stage.packageInstall(), report.live());
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</main>\n");
    }

    private static void gitCell(StringBuilder h, GitPin git) {
        if (git.version() == null) {
            State state = git.problem().startsWith("not rendered") ? State.UNKNOWN : State.FAILED;
            h.append("<td class=\"cell git ").append(cls(state)).append("\"><span class=\"word\">")
                    .append(state == State.UNKNOWN ? "Not rendered" : "Invalid").append("</span>");
            detail(h, git.file());
            message(h, git.problem());
            h.append("</td>\n");
            return;
        }
        h.append("<td class=\"cell git pinned\" title=\"").append(esc(git.file())).append("\">")
                .append("<span class=\"version\">").append(esc(git.version())).append("</span>");
        detail(h, git.isRange() ? "selected by " + git.constraints() : "pinned");
        h.append("</td>\n");
    }

    private static void liveCell(StringBuilder h, StageStatus stage, boolean live) {
        ObjectStatus pkgi = stage.packageInstall();
        h.append("<td class=\"cell live ").append(cls(pkgi.state())).append("\">");
        if (stage.liveVersion() != null) {
            h.append("<span class=\"version\">").append(esc(stage.liveVersion())).append("</span>");
            String pinned = stage.git().version();
            if (pinned != null && !pinned.equals(stage.liveVersion())) {
                detail(h, "Git pins " + pinned);
            }
        } else {
            h.append("<span class=\"word\">").append(live ? "None reported" : "Not read").append("</span>");
        }
        h.append("</td>\n");
    }

    /** @param live false for Git only: the page says so once, not in every cell */
    private static void fluxCell(StringBuilder h, StageStatus stage, boolean live) {
        State state = stage.flux();
        h.append("<td class=\"cell flux ").append(cls(state)).append("\"><span class=\"word\">")
                .append(label(state)).append("</span>");
        ObjectStatus last = stage.lastKustomization();
        if (last != null && last.revision() != null) {
            detail(h, "applied " + ReadinessRules.abbreviate(last.revision()));
        }
        h.append("<ul class=\"objects\">");
        for (ObjectStatus ks : stage.kustomizations()) {
            h.append("<li class=\"").append(cls(ks.state())).append("\" title=\"Kustomization ")
                    .append(esc(ks.namespace() + "/" + ks.name() + ": " + ks.seen())).append("\"><span class=\"dot\">")
                    .append("</span><span class=\"mono\">").append(esc(shortName(ks.name(), stage.stage())))
                    .append("</span> ").append(ks.state().word());
            if (ks.suspended()) {
                h.append(", suspended");
            }
            if (ks.state() != State.READY && ks.reason() != null && !ks.reason().isEmpty()) {
                h.append(" &middot; ").append(esc(ks.reason()));
            }
            h.append("</li>");
        }
        h.append("</ul>");
        if (live && stage.git().version() != null) {
            for (ObjectStatus ks : stage.kustomizations()) {
                if (ks.state() != State.READY) {
                    message(h, ks.message());
                    break;
                }
            }
        }
        h.append("</td>\n");
    }

    private static void packageInstallCell(StringBuilder h, ObjectStatus pkgi, boolean live) {
        h.append("<td class=\"cell pkgi ").append(cls(pkgi.state())).append("\"><span class=\"word\">")
                .append(label(pkgi.state())).append("</span>");
        h.append("<span class=\"detail\" title=\"").append(esc("on the " + pkgi.cluster())).append("\">")
                .append(esc(pkgi.namespace() + "/" + pkgi.name())).append(pkgi.condition() == null ? ""
                        : " &middot; " + esc(pkgi.condition())).append(pkgi.suspended() ? ", paused" : "")
                .append("</span>");
        if (live && pkgi.state() != State.READY) {
            message(h, pkgi.message());
        }
        h.append("</td>\n");
    }

    /** {@code packages} for {@code app.default.tap-prod-packages}; a shortened name stays whole. */
    private static String shortName(String kustomization, String stage) {
        int at = kustomization.lastIndexOf("-" + stage + "-");
        return at < 0 ? kustomization : kustomization.substring(at + stage.length() + 2);
    }

    private static void legend(StringBuilder h) {
        h.append("<footer>\n<dl>")
                .append("<dt><span class=\"pill state-ready\">ready</span></dt><dd>at the head of the branch and ")
                .append("the version Git pins</dd>")
                .append("<dt><span class=\"pill state-progressing\">progressing</span></dt><dd>on its way: ")
                .append("reconciling, or still at an older revision or version</dd>")
                .append("<dt><span class=\"pill state-failed\">failed</span></dt><dd>the controller gave up on ")
                .append("the head or the pinned version; its message is shown</dd>")
                .append("<dt><span class=\"pill state-unknown\">unknown</span></dt><dd>not read: no cluster ")
                .append("access, an unreachable cluster, or a stage not rendered</dd>")
                .append("</dl>\n</footer>\n");
    }

    private static void detail(StringBuilder h, String text) {
        h.append("<span class=\"detail\">").append(esc(text)).append("</span>");
    }

    private static void message(StringBuilder h, String text) {
        if (text != null && !text.isBlank()) {
            h.append("<pre class=\"message\">").append(esc(text.strip())).append("</pre>");
        }
    }

    /** {@code Ready}, {@code Progressing}, ... */
    private static String label(State state) {
        String w = state.word();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    private static String cls(State state) {
        return "state-" + state.word();
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
