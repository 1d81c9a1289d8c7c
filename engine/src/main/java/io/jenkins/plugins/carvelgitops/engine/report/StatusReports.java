package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.text.TextTable;
import io.jenkins.plugins.carvelgitops.engine.verify.ReadinessRules;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.GitPin;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.ObjectStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link StatusReport} as an aligned table for people and as a plain document for JSON. */
public final class StatusReports {

    private StatusReports() {
    }

    /** A header, one row per stage (stage, Git, live, Flux, PackageInstall, state), then the messages. */
    public static String text(StatusReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(report.packageName()).append(": branch ").append(report.branch()).append(" at ")
                .append(Revisions.shortSha(report.head())).append(" of ").append(report.repository())
                .append(", checked ").append(report.checkedAt()).append('\n');
        if (!report.note().isEmpty()) {
            sb.append(report.note()).append('\n');
        }
        if (report.source() != null) {
            ObjectStatus s = report.source();
            sb.append("source: GitRepository ").append(s.namespace()).append('/').append(s.name()).append(' ')
                    .append(s.state().word()).append(s.revision() == null ? "" : " at " + ReadinessRules.abbreviate(s.revision()))
                    .append('\n');
        }
        TextTable table = new TextTable("STAGE", "GIT", "LIVE", "FLUX", "PACKAGEINSTALL", "STATE");
        for (StageStatus stage : report.stages()) {
            table.row(stage.stage(), git(stage.git()), live(stage), flux(stage), packageInstall(stage.packageInstall()),
                    stage.state().word());
        }
        sb.append('\n').append(table.text(""));
        List<String> messages = new ArrayList<>();
        for (StageStatus stage : report.stages()) {
            if (!stage.git().problem().isEmpty()) {
                messages.add(stage.stage() + ": Git: " + Text.oneLine(stage.git().problem()));
            }
            if (!report.live()) {
                continue;
            }
            List<ObjectStatus> objects = new ArrayList<>(stage.kustomizations());
            objects.add(stage.packageInstall());
            for (ObjectStatus o : objects) {
                if (o.state() != State.READY && !o.message().isEmpty() && stage.git().version() != null) {
                    messages.add(stage.stage() + ": " + o.kind() + " " + o.namespace() + "/" + o.name() + ": "
                            + Text.oneLine(o.message()));
                }
            }
        }
        if (report.source() != null && report.source().state() != State.READY) {
            messages.add(0, "source: GitRepository " + report.source().name() + ": "
                    + Text.oneLine(report.source().message()));
        }
        if (!messages.isEmpty()) {
            sb.append('\n');
            messages.forEach(m -> sb.append(m).append('\n'));
        }
        return sb.toString();
    }

    private static String git(GitPin git) {
        if (git.version() == null) {
            return git.problem().startsWith("not rendered") ? "not rendered" : "invalid";
        }
        return git.isRange() ? git.version() + " (" + git.constraints() + ")" : git.version();
    }

    private static String live(StageStatus stage) {
        return stage.liveVersion() == null ? "-" : stage.liveVersion();
    }

    private static String flux(StageStatus stage) {
        ObjectStatus last = stage.lastKustomization();
        String revision = last == null || last.revision() == null ? "" : " " + ReadinessRules.abbreviate(last.revision());
        return stage.flux().word() + revision;
    }

    private static String packageInstall(ObjectStatus pkgi) {
        return pkgi.state().word() + (pkgi.condition() == null ? "" : " " + pkgi.condition());
    }
}
