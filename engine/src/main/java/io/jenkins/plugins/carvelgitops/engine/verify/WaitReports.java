package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.config.FluxDuration;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness.State;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest.StageTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link VerifyReport} and outcome messages of a wait from what its tracked objects last showed: the source first, then by stage. */
final class WaitReports {

    private WaitReports() {
    }

    /** The outcome message of the first failed object: stage, object, cluster and the controller's words. */
    static String failure(TrackedObject t) {
        return t.expectation.stage() + ": " + t.ref().kind() + " " + t.ref().namespace() + "/" + t.ref().name()
                + " on the " + t.clusterLabel + ": " + Text.oneLine(t.readiness.message());
    }

    /** The progress line of an object whose state or what it shows has changed. */
    static void announce(ProgressListener listener, String prefix, TrackedObject t) {
        Readiness r = t.readiness;
        String what = prefix + t.expectation.stage() + ": " + t.ref().kind() + " " + t.ref().name();
        switch (r.state()) {
            case READY -> listener.success(what + " " + t.readyText());
            case FAILED -> listener.failure(what + " failed: " + Text.oneLine(r.message()));
            default -> listener.waiting(what + ": " + r.seen()
                    + (r.message().isEmpty() ? "" : " (" + Text.oneLine(r.message()) + ")"));
        }
    }

    static String live(VerifyRequest request) {
        List<String> stages = request.stages().stream().map(StageTarget::stage).toList();
        return "revision " + Revisions.shortSha(request.revision()) + " is live"
                + (stages.isEmpty() ? " on the build cluster" : " on " + String.join(", ", stages));
    }

    /** @param lastError the last transient cluster error, when some object was never seen; else null */
    static String timedOut(VerifyRequest request, long notReady, int tracked, String lastError) {
        return "timed out after " + FluxDuration.format(request.timeout()) + ": " + notReady + " of "
                + Counts.of(Math.max(notReady, tracked), "object") + " not ready"
                + (lastError == null ? "" : " (last cluster error: " + Text.oneLine(lastError) + ")");
    }

    static VerifyReport of(VerifyRequest request, List<TrackedObject> tracked, Outcome outcome, String message,
            Duration elapsed) {
        Map<String, List<ObjectReport>> byStage = new LinkedHashMap<>();
        byStage.put(VerifyReport.SOURCE, new ArrayList<>());
        request.stages().forEach(s -> byStage.put(s.stage(), new ArrayList<>()));
        for (TrackedObject t : tracked) {
            Readiness r = t.readiness;
            byStage.computeIfAbsent(t.expectation.stage(), k -> new ArrayList<>()).add(new ObjectReport(
                    t.clusterLabel, t.ref().kind(), t.ref().namespace(), t.ref().name(), t.expectation.describe(),
                    r == null ? State.WAITING : r.state(), r == null ? "not seen" : r.seen(),
                    r == null ? "no answer from the " + t.clusterLabel : r.message()));
        }
        List<StageReport> stages = new ArrayList<>();
        byStage.forEach((stage, objects) -> {
            if (objects.isEmpty()) {
                return;
            }
            State state = objects.stream().anyMatch(o -> o.state() == State.FAILED) ? State.FAILED
                    : objects.stream().allMatch(o -> o.state() == State.READY) ? State.READY : State.WAITING;
            stages.add(new StageReport(stage, state, objects));
        });
        return new VerifyReport(outcome, request.revision(), elapsed, message, stages);
    }
}
