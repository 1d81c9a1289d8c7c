package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.ui.StageTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a verification ended, as it comes back from the agent: the overall outcome, the controllers'
 * words for it, the commits verified and one {@link StageResult} per stage. Small and JDK-typed; the
 * engine's reports stay on the agent.
 */
public final class VerifyOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final String message;
    private final ArrayList<String> revisions;
    private final ArrayList<StageResult> stages;

    /**
     * @param outcome   {@code READY}, {@code FAILED}, {@code TIMED_OUT} or {@code CANCELED}
     * @param message   one line: what succeeded, or which object failed and why
     * @param revisions the full commits verified, in the order verified
     */
    public VerifyOutcome(String outcome, String message, List<String> revisions, List<StageResult> stages) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.message = message == null ? "" : message;
        this.revisions = new ArrayList<>(revisions);
        this.stages = new ArrayList<>(stages);
    }

    /**
     * Maps the engine's reports, one per request (stages verified at one commit), to a single outcome:
     * the worst of them (failed, then timed out, then canceled), the messages of those not ready, and
     * a row per requested stage in request order.
     */
    public static VerifyOutcome of(Map<VerifyRequest, VerifyReport> reports) {
        Outcome worst = Outcome.READY;
        List<String> messages = new ArrayList<>();
        List<String> revisions = new ArrayList<>();
        List<StageResult> rows = new ArrayList<>();
        for (Map.Entry<VerifyRequest, VerifyReport> e : reports.entrySet()) {
            VerifyRequest request = e.getKey();
            VerifyReport report = e.getValue();
            worst = worse(worst, report.outcome());
            if (report.outcome() != Outcome.READY || reports.size() == 1) {
                messages.add(report.message());
            }
            revisions.add(request.revision());
            Map<String, StageReport> byStage = new LinkedHashMap<>();
            report.stages().forEach(s -> byStage.put(s.stage(), s));
            for (VerifyRequest.StageTarget target : request.stages()) {
                rows.add(row(target, byStage.get(target.stage()), request.revision(), report));
            }
        }
        if (reports.size() > 1 && worst == Outcome.READY) {
            messages.add("every stage is ready");
        }
        return new VerifyOutcome(worst.name(), String.join("; ", messages), revisions, rows);
    }

    private static Outcome worse(Outcome a, Outcome b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case READY -> 0;
            case CANCELED -> 1;
            case TIMED_OUT -> 2;
            case FAILED -> 3;
        };
    }

    /** One stage: ready, failed, or still waiting when the wait ended (timed out, aborted, or another object failed). */
    static StageResult row(VerifyRequest.StageTarget target, StageReport stage, String revision, VerifyReport report) {
        long millis = report.elapsed() == null ? 0 : report.elapsed().toMillis();
        if (stage == null) {
            // the wait ended before this stage was watched (it could not start, or was canceled at once)
            return new StageResult(target.stage(), waitingState(report.outcome(), true), revision, target.version(),
                    millis, report.message());
        }
        String state = switch (stage.state()) {
            case READY -> StageResult.READY;
            case FAILED -> "FAILED";
            case WAITING -> waitingState(report.outcome(), false);
        };
        return new StageResult(target.stage(), state, revision, target.version(), millis, detail(stage));
    }

    private static String waitingState(Outcome outcome, boolean unwatched) {
        return switch (outcome) {
            case TIMED_OUT -> "TIMED_OUT";
            case CANCELED -> "ABORTED";
            case FAILED -> unwatched ? "FAILED" : "NOT_READY";
            case READY -> "NOT_READY";
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

    public String getOutcome() {
        return outcome;
    }

    public String getMessage() {
        return message;
    }

    public List<String> getRevisions() {
        return List.copyOf(revisions);
    }

    /** The commit the build page and the return value name: the last one verified (null when none). */
    public String getRevision() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
    }

    public List<StageResult> getStages() {
        return List.copyOf(stages);
    }

    public boolean isReady() {
        return Outcome.READY.name().equals(outcome);
    }

    /**
     * Why the step fails: what ended the wait, the controllers' message, and the per-stage table.
     *
     * @param step the step's name, first on the line
     */
    public String failure(String step) {
        String what = switch (outcome) {
            case "TIMED_OUT" -> "timed out";
            case "CANCELED" -> "was aborted";
            default -> "failed";
        };
        StringBuilder sb = new StringBuilder(step);
        if (!message.startsWith(what)) {
            sb.append(' ').append(what);
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        for (String line : StageTable.lines(stages)) {
            sb.append('\n').append(line);
        }
        return sb.toString();
    }
}
