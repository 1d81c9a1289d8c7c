package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * Whether a wait is over, from what its tracked objects show: failed at the first object the rules judge
 * failed, ready once every object is ready, else not yet. A pure function of the objects; the caller holds
 * the lock that guards them.
 */
record WaitVerdict(Outcome outcome, String message) {

    /** The end the objects call for now; empty while some are still pending (or nothing is tracked yet). */
    static Optional<WaitVerdict> of(VerifyRequest request, List<TrackedObject> tracked) {
        if (tracked.isEmpty()) {
            return Optional.empty();
        }
        for (TrackedObject t : tracked) {
            if (t.readiness != null && t.readiness.isFailed()) {
                return Optional.of(new WaitVerdict(Outcome.FAILED, WaitReports.failure(t)));
            }
        }
        if (tracked.stream().allMatch(TrackedObject::isReady)) {
            return Optional.of(new WaitVerdict(Outcome.READY, WaitReports.live(request)));
        }
        return Optional.empty();
    }

    /**
     * The end at the deadline: how many objects are not ready, and the last cluster error when some object
     * was never seen at all.
     */
    static WaitVerdict timedOut(VerifyRequest request, List<TrackedObject> tracked, String lastError) {
        long notReady = tracked.stream().filter(t -> !t.isReady()).count();
        String error = tracked.stream().anyMatch(t -> t.readiness == null) ? lastError : null;
        return new WaitVerdict(Outcome.TIMED_OUT, WaitReports.timedOut(request, notReady, tracked.size(), error));
    }
}
