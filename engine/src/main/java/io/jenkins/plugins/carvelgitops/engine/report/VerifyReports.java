package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.text.TextTable;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import java.util.Locale;

/** Renders a {@link VerifyReport}: a table per stage for people, a plain document for JSON. */
public final class VerifyReports {

    private VerifyReports() {
    }

    /** The summary line and a table per stage: object, expected, last seen, state. */
    public static String text(VerifyReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append(switch (report.outcome()) {
            case READY -> "ready";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
            case CANCELED -> "canceled";
        }).append(" after ").append(FluxDuration.took(report.elapsed())).append(": ").append(report.message()).append('\n');
        for (StageReport stage : report.stages()) {
            sb.append('\n').append(stage.stage()).append(" (").append(stage.state().name().toLowerCase(Locale.ROOT))
                    .append(")\n");
            TextTable table = new TextTable("OBJECT", "EXPECTED", "SEEN", "STATE");
            for (ObjectReport o : stage.objects()) {
                table.row(o.kind() + " " + o.namespace() + "/" + o.name(), o.expected(), o.seen(),
                        o.state().name().toLowerCase(Locale.ROOT));
            }
            sb.append(table.text("  "));
            for (ObjectReport o : stage.objects()) {
                if (!o.message().isEmpty() && o.state() != Readiness.State.READY) {
                    sb.append("  ").append(o.kind()).append(' ').append(o.name()).append(": ")
                            .append(Text.oneLine(o.message())).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
