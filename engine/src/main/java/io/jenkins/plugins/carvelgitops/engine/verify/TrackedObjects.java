package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The objects one verify tracks, and what each watch event or read does to them: it routes the event to the
 * objects it covers and judges them again with {@link ReadinessRules}. Not thread-safe: its
 * {@link VerifyWait} calls it under its lock, and only while the wait is not done.
 */
final class TrackedObjects {

    private final VerifyRequest request;
    private final RevisionHistory history;
    private final List<TrackedObject> all = new ArrayList<>();
    /** Told of an object whose state, or what it shows, has changed. */
    private final Consumer<TrackedObject> changed;
    /** Asked to read once more a PackageInstall that must now exist but was not seen; must not block. */
    private final Consumer<TrackedObject> confirmAbsence;

    TrackedObjects(VerifyRequest request, RevisionHistory history, Consumer<TrackedObject> changed,
            Consumer<TrackedObject> confirmAbsence) {
        this.request = request;
        this.history = history;
        this.changed = changed;
        this.confirmAbsence = confirmAbsence;
    }

    void addAll(List<TrackedObject> objects) {
        all.addAll(objects);
    }

    List<TrackedObject> all() {
        return Collections.unmodifiableList(all);
    }

    /** Synced and not ready yet: what a re-read may still change (see {@link MissedEvents}). */
    List<TrackedObject> pending() {
        return all.stream().filter(t -> t.synced && !t.isReady()).toList();
    }

    /** The watch's first list: every object it covers is now known, present or not. */
    void synced(WaitTargets.Watch w, List<Map<String, Object>> objects) {
        for (TrackedObject t : all) {
            if (t.matches(w.clusterId(), w.kind(), w.namespace())) {
                t.synced = true;
                t.object = objects.stream().filter(o -> t.ref().name().equals(Obj.str(o, "metadata", "name")))
                        .findFirst().orElse(null);
                evaluate(t);
            }
        }
    }

    /** An object the watch saw change, or deleted ({@code object} null). */
    void update(WaitTargets.Watch w, String name, Map<String, Object> object) {
        for (TrackedObject t : all) {
            if (t.matches(w.clusterId(), w.kind(), w.namespace()) && t.ref().name().equals(name)) {
                t.object = object;
                if (object != null || t.synced) {
                    evaluate(t);
                }
            }
        }
    }

    /** What a re-read found: taken only when newer than what the watch delivered. */
    void reread(TrackedObject t, Map<String, Object> now) {
        if (now != null && MissedEvents.newer(now, t.object)) {
            t.object = now;
            evaluate(t);
        }
    }

    /** What the read that confirms an absence found; from now on, the PackageInstall must exist. */
    void confirmed(TrackedObject p, Map<String, Object> object) {
        if (!(p.expectation instanceof Expectation.PackageVersion pv)) {
            return;
        }
        p.expectation = pv.mustExist(true);
        if (p.object == null) {
            p.object = object;
        }
        evaluate(p);
    }

    /** Judges one object and reports it when what it shows has changed. */
    void evaluate(TrackedObject t) {
        Readiness r = ReadinessRules.evaluate(t.object, t.expectation, history);
        Readiness before = t.readiness;
        t.readiness = r;
        if (before == null || before.state() != r.state() || !before.seen().equals(r.seen())) {
            changed.accept(t);
        }
        if (r.isReady() && WaitTargets.appliesPackageInstall(request, t)) {
            // Flux has applied the PackageInstall: from now on, its absence is a failure. Events of two
            // clusters arrive in no set order, so an absence is confirmed with one read first.
            for (TrackedObject p : all) {
                if (p.expectation instanceof Expectation.PackageVersion pv && pv.stage().equals(t.expectation.stage())
                        && !pv.mustExist()) {
                    if (p.object != null) {
                        p.expectation = pv.mustExist(true);
                    } else if (p.synced) {
                        confirmAbsence.accept(p);
                    }
                }
            }
        }
    }
}
