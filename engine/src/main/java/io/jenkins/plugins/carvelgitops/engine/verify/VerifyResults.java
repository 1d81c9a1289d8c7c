package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.result.Document;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a verification of one or more commits ended, as every adapter reports it: the worst outcome
 * (failed, then timed out, then canceled), the messages of the reports not ready, and one row per
 * requested stage in request order, each in the one vocabulary of {@link State}. The CLI's JSON and the
 * {@code fluxVerify} step's return value are its {@link #toDocument()}.
 *
 * @param revisions the full commits verified, in the order verified
 * @param elapsed   the longest of the waits
 * @param source    the GitRepository's objects on the build cluster, when a report watched it
 */
public record VerifyResults(Outcome outcome, String message, List<String> revisions, Duration elapsed,
        List<StageRow> stages, List<ObjectReport> source) {

    /**
     * One stage: ready, failed, or, when the wait ended before it was ready, timed out, canceled or (when
     * another object failed) still progressing.
     *
     * @param revision the commit the stage was verified against
     * @param version  the Package version its PackageInstall had to report
     * @param message  the first object that is not ready, in its controller's words; "" when ready
     */
    public record StageRow(String stage, State state, String revision, String version, Duration elapsed,
            String message, List<ObjectReport> objects) {
        public StageRow {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(state, "state");
            message = message == null ? "" : message;
            objects = List.copyOf(objects);
        }
    }

    public VerifyResults {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
        revisions = List.copyOf(revisions);
        stages = List.copyOf(stages);
        source = List.copyOf(source);
    }

    /** The reports of one verification, one per request (the stages verified at one commit). */
    public static VerifyResults of(Map<VerifyRequest, VerifyReport> reports) {
        Outcome worst = Outcome.READY;
        Duration longest = Duration.ZERO;
        List<String> messages = new ArrayList<>();
        List<String> revisions = new ArrayList<>();
        List<StageRow> rows = new ArrayList<>();
        List<ObjectReport> source = new ArrayList<>();
        for (Map.Entry<VerifyRequest, VerifyReport> e : reports.entrySet()) {
            VerifyRequest request = e.getKey();
            VerifyReport report = e.getValue();
            worst = rank(report.outcome()) > rank(worst) ? report.outcome() : worst;
            if (report.elapsed() != null && report.elapsed().compareTo(longest) > 0) {
                longest = report.elapsed();
            }
            if (report.outcome() != Outcome.READY || reports.size() == 1) {
                messages.add(report.message());
            }
            revisions.add(request.revision());
            Map<String, StageReport> byStage = new LinkedHashMap<>();
            report.stages().forEach(s -> byStage.put(s.stage(), s));
            if (byStage.containsKey(VerifyReport.SOURCE) && source.isEmpty()) {
                source.addAll(byStage.get(VerifyReport.SOURCE).objects());
            }
            for (VerifyRequest.StageTarget target : request.stages()) {
                rows.add(row(target, byStage.get(target.stage()), request.revision(), report));
            }
        }
        if (reports.size() > 1 && worst == Outcome.READY) {
            messages.add("every stage is ready");
        }
        return new VerifyResults(worst, String.join("; ", messages), revisions, longest, rows, source);
    }

    public boolean ready() {
        return outcome == Outcome.READY;
    }

    /** The commit a result names: the last one verified (null when none). */
    public String revision() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    /**
     * ready, outcome, revision, revisions, elapsedSeconds, message, source (its objects), and per stage:
     * stage, state, revision, version, seconds, message and objects (cluster, kind, namespace, name,
     * expected, state, seen, message).
     */
    public Document toDocument() {
        List<Document> rows = new ArrayList<>();
        for (StageRow row : stages) {
            rows.add(new Document().put("stage", row.stage()).put("state", row.state())
                    .put("revision", row.revision()).put("version", row.version())
                    .put("seconds", row.elapsed()).put("message", row.message())
                    .put("objects", objects(row.objects())));
        }
        return new Document().put("ready", ready()).put("outcome", outcome.asResultState())
                .put("revision", revision()).put("revisions", revisions).put("elapsedSeconds", elapsed)
                .put("message", message).put("source", objects(source)).put("stages", rows);
    }

    private static List<Document> objects(List<ObjectReport> objects) {
        List<Document> list = new ArrayList<>();
        for (ObjectReport o : objects) {
            list.add(new Document().put("cluster", o.cluster()).put("kind", o.kind()).put("namespace", o.namespace())
                    .put("name", o.name()).put("expected", o.expected()).put("state", o.state().asResultState())
                    .put("seen", o.seen()).put("message", o.message()));
        }
        return list;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case READY -> 0;
            case CANCELED -> 1;
            case TIMED_OUT -> 2;
            case FAILED -> 3;
        };
    }

    private static StageRow row(VerifyRequest.StageTarget target, StageReport stage, String revision,
            VerifyReport report) {
        Duration elapsed = report.elapsed() == null ? Duration.ZERO : report.elapsed();
        if (stage == null) {
            // the wait ended before this stage was watched (it could not start, or was canceled at once)
            return new StageRow(target.stage(), unready(report.outcome(), true), revision, target.version(), elapsed,
                    report.message(), List.of());
        }
        State state = switch (stage.state()) {
            case READY -> State.READY;
            case FAILED -> State.FAILED;
            case WAITING -> unready(report.outcome(), false);
        };
        return new StageRow(target.stage(), state, revision, target.version(), elapsed, detail(stage),
                stage.objects());
    }

    /** A stage still waiting when the wait ended: the wait's own ending, or progressing when another failed. */
    private static State unready(Outcome outcome, boolean unwatched) {
        return switch (outcome) {
            case TIMED_OUT -> State.TIMED_OUT;
            case CANCELED -> State.CANCELED;
            case FAILED -> unwatched ? State.FAILED : State.PROGRESSING;
            case READY -> State.PROGRESSING;
        };
    }

    /** The first object that is not ready, in the controller's words; empty when the stage is ready. */
    static String detail(StageReport stage) {
        for (ObjectReport o : stage.objects()) {
            if (o.state() != Readiness.State.READY) {
                String why = o.message().isBlank() ? o.seen() : o.message();
                return Text.oneLine(o.kind() + " " + o.name() + ": " + why);
            }
        }
        return "";
    }
}
