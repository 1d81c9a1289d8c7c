package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyResults;
import io.jenkins.plugins.carvelgitops.ui.StageTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a verification ended, as it comes back from the agent: the overall outcome, the controllers'
 * words for it, the commits verified, one {@link StageResult} per stage, and the engine's document of it
 * ({@link VerifyResults#toDocument()}), which the step returns. Small and JDK-typed; the engine's reports
 * stay on the agent.
 */
public final class VerifyOutcome implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String outcome;
    private final String message;
    private final ArrayList<String> revisions;
    private final ArrayList<StageResult> stages;
    private final LinkedHashMap<String, Object> document;

    private VerifyOutcome(VerifyResults results) {
        this.outcome = results.outcome().asResultState().word();
        this.message = results.message();
        this.revisions = new ArrayList<>(results.revisions());
        this.stages = new ArrayList<>();
        for (VerifyResults.StageRow row : results.stages()) {
            stages.add(new StageResult(row.stage(), row.state().word(), row.revision(), row.version(),
                    row.elapsed().toMillis(), row.message()));
        }
        this.document = results.toDocument().map();
    }

    /** The engine's reports, one per request (stages verified at one commit), as one outcome. */
    public static VerifyOutcome of(Map<VerifyRequest, VerifyReport> reports) {
        return new VerifyOutcome(VerifyResults.of(reports));
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
        return State.READY.word().equals(outcome);
    }

    /** What the step returns: the engine's document of the verification. */
    public LinkedHashMap<String, Object> getDocument() {
        return new LinkedHashMap<>(document);
    }

    /**
     * Why the step fails: what ended the wait, the controllers' message, and the per-stage table.
     *
     * @param step the step's name, first on the line
     */
    public String failure(String step) {
        String what = switch (State.ofWord(outcome)) {
            case TIMED_OUT -> "timed out";
            case CANCELED -> "was aborted";
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
