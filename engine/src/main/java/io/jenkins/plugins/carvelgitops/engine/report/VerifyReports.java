package io.jenkins.plugins.carvelgitops.engine.report;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.text.TextTable;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
        }).append(" after ").append(seconds(report.elapsed())).append(": ").append(report.message()).append('\n');
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

    /** The report as plain maps and lists, for {@code --output json} and the Jenkins step's return value. */
    public static Map<String, Object> document(VerifyReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("outcome", report.outcome().name().toLowerCase(Locale.ROOT));
        doc.put("revision", report.revision());
        doc.put("elapsedSeconds", report.elapsed().toMillis() / 1000.0);
        doc.put("message", report.message());
        List<Object> stages = new ArrayList<>();
        for (StageReport stage : report.stages()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage.stage());
            s.put("state", stage.state().name().toLowerCase(Locale.ROOT));
            List<Object> objects = new ArrayList<>();
            for (ObjectReport o : stage.objects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("cluster", o.cluster());
                m.put("kind", o.kind());
                m.put("namespace", o.namespace());
                m.put("name", o.name());
                m.put("expected", o.expected());
                m.put("state", o.state().name().toLowerCase(Locale.ROOT));
                m.put("seen", o.seen());
                m.put("message", o.message());
                objects.add(m);
            }
            s.put("objects", objects);
            stages.add(s);
        }
        doc.put("stages", stages);
        return doc;
    }

    static String seconds(Duration d) {
        return d.toMillis() >= 60_000 ? FluxDuration.format(Duration.ofSeconds(d.toSeconds()))
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
