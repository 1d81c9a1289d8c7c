package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.Deadline;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One verify in flight: routes watch events to the tracked objects, judges each with {@link ReadinessRules},
 * reports what changed, and ends when {@link WaitVerdict} says so (ready, the first failure), at the deadline
 * or on a cancel. All state is guarded by
 * {@code this}. Work that may block (opening clusters, reading Secrets, reconcile requests and their retries,
 * confirming an absence) runs on the {@code blocking} executor; the shared scheduler only holds the deadline
 * and the times of the {@link MissedEvents} re-reads, which it hands to that executor.
 */
final class VerifyWait implements VerifyHandle {

    private final VerifyRequest request;
    private final ProgressListener listener;
    private final KubeClients clients;
    private final RevisionHistory history;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    /** Wall time, for the reconcile request's token. */
    private final Clock wallClock;
    private final WaitClock clock;
    private final CompletableFuture<VerifyReport> result = new CompletableFuture<>();

    private final List<TrackedObject> tracked = new ArrayList<>();
    private final List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
    private ScheduledFuture<?> deadline;
    private ScheduledFuture<?> rereads;
    private boolean done;
    /** The last transient cluster error that retries could not overcome before the deadline. */
    private String lastError;

    VerifyWait(VerifyRequest request, ProgressListener listener, KubeClients clients, RevisionHistory history,
            ScheduledExecutorService scheduler, Executor blocking, Clock clock, LongSupplier nanoTime) {
        this.request = request;
        this.listener = listener;
        this.clients = clients;
        this.history = history;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.wallClock = clock;
        this.clock = new WaitClock(nanoTime);
    }

    void begin() {
        try {
            synchronized (this) {
                if (done) {
                    return;
                }
                deadline = scheduler.schedule(this::timedOut, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            // Requests that fail for now are retried, but never past the deadline.
            WaitTargets targets = WaitTargets.of(request, clients, Deadline.in(request.timeout().minus(elapsed())));
            synchronized (this) {
                tracked.addAll(targets.objects());
            }
            if (request.reconcile()) {
                requestReconcile(targets.build(), targets.objects());
            }
            synchronized (this) {
                if (done) {
                    return;
                }
                targets.watches().forEach(this::watch);
                long every = MissedEvents.interval(request.timeout()).toMillis();
                rereads = scheduler.scheduleWithFixedDelay(() -> blocking.execute(this::reread), every, every,
                        TimeUnit.MILLISECONDS);
            }
        } catch (ClusterException e) {
            if (e.isTransient()) {
                // Busy or restarting until the deadline: that ends the wait, with what was last seen.
                synchronized (this) {
                    lastError = e.getMessage();
                }
                listener.warning(prefix() + e.getMessage());
            } else {
                finish(Outcome.FAILED, e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            finish(Outcome.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            finish(Outcome.FAILED, "verify could not start: " + e);
        }
    }

    /** Asks Flux to reconcile now; a Flux object that does not exist ends the wait as the rules judge it. */
    private void requestReconcile(ClusterAccess build, List<TrackedObject> all) {
        String token = wallClock.instant().toString();
        Optional<TrackedObject> missing = ReconcileRequests.annotate(build, all, token);
        if (missing.isPresent()) {
            synchronized (this) {
                missing.get().synced = true;
                evaluate(missing.get());
            }
            checkDone();
            return;
        }
        long n = all.stream().filter(t -> WaitTargets.BUILD.equals(t.clusterId)).count();
        listener.action(prefix() + "requested reconcile of " + Counts.of(n, "Flux object") + " (" + Verifier.REQUESTED_AT + "="
                + token + ")");
    }

    private void watch(WaitTargets.Watch w) {
        watches.add(w.cluster().watch(w.apiVersion(), w.kind(), w.namespace(), new WatchRouting(this, w)));
    }

    /** The watch's first list: every object it covers is now known, present or not. */
    void synced(WaitTargets.Watch w, List<Map<String, Object>> objects) {
        synchronized (this) {
            for (TrackedObject t : tracked) {
                if (t.matches(w.clusterId(), w.kind(), w.namespace())) {
                    t.synced = true;
                    t.object = objects.stream().filter(o -> t.ref().name().equals(Obj.str(o, "metadata", "name")))
                            .findFirst().orElse(null);
                    evaluate(t);
                }
            }
        }
        checkDone();
    }

    /** The watch dropped and reconnects: remembered for the timeout message. */
    void interrupted(String message) {
        synchronized (this) {
            lastError = message;
        }
        listener.warning(prefix() + message);
    }

    void update(WaitTargets.Watch w, String name, Map<String, Object> object) {
        synchronized (this) {
            if (done) {
                return;
            }
            for (TrackedObject t : tracked) {
                if (t.matches(w.clusterId(), w.kind(), w.namespace()) && t.ref().name().equals(name)) {
                    t.object = object;
                    if (object != null || t.synced) {
                        evaluate(t);
                    }
                }
            }
        }
        checkDone();
    }

    /** Judges one object and reports a line when what it shows has changed. Caller holds the lock. */
    private void evaluate(TrackedObject t) {
        if (done) {
            return;
        }
        Readiness r = ReadinessRules.evaluate(t.object, t.expectation, history);
        Readiness before = t.readiness;
        t.readiness = r;
        if (before == null || before.state() != r.state() || !before.seen().equals(r.seen())) {
            WaitReports.announce(listener, prefix(), t);
        }
        if (r.isReady() && WaitTargets.appliesPackageInstall(request, t)) {
            // Flux has applied the PackageInstall: from now on, its absence is a failure. Events of two
            // clusters arrive in no set order, so an absence is confirmed with one read first.
            for (TrackedObject p : tracked) {
                if (p.expectation instanceof Expectation.PackageVersion pv && pv.stage().equals(t.expectation.stage())
                        && !pv.mustExist()) {
                    if (p.object != null) {
                        p.expectation = pv.mustExist(true);
                    } else if (p.synced) {
                        blocking.execute(() -> confirmAbsent(p));
                    }
                }
            }
        }
    }

    /** Reads once more what is not ready yet (see {@link MissedEvents}); runs on the blocking executor. */
    private void reread() {
        List<TrackedObject> pending;
        synchronized (this) {
            if (done) {
                return;
            }
            pending = tracked.stream().filter(t -> t.synced && !t.isReady()).toList();
        }
        for (TrackedObject t : pending) {
            boolean running = readNow(t, now -> {
                if (now != null && MissedEvents.newer(now, t.object)) {
                    t.object = now;
                    evaluate(t);
                }
            });
            if (!running) {
                return;
            }
        }
        checkDone();
    }

    private void confirmAbsent(TrackedObject p) {
        readNow(p, object -> {
            if (!(p.expectation instanceof Expectation.PackageVersion pv)) {
                return;
            }
            p.expectation = pv.mustExist(true);
            if (p.object == null) {
                p.object = object;
            }
            evaluate(p);
        });
        checkDone();
    }

    /**
     * Reads {@code t} from its cluster now (off the lock, as the read may block) and hands the object, or null
     * when it is absent, to {@code apply} under the lock. An unreachable cluster is skipped: its watch reports
     * that on its own. Returns false once the wait is done.
     */
    private boolean readNow(TrackedObject t, java.util.function.Consumer<Map<String, Object>> apply) {
        Map<String, Object> object;
        try {
            object = t.cluster.get(t.ref()).orElse(null);
        } catch (ClusterException e) {
            return true;
        }
        synchronized (this) {
            if (done) {
                return false;
            }
            apply.accept(object);
            return true;
        }
    }

    private void checkDone() {
        Optional<WaitVerdict> verdict;
        synchronized (this) {
            if (done) {
                return;
            }
            verdict = WaitVerdict.of(request, tracked);
        }
        verdict.ifPresent(v -> finish(v.outcome(), v.message()));
    }

    private void timedOut() {
        WaitVerdict verdict;
        synchronized (this) {
            verdict = WaitVerdict.timedOut(request, tracked, lastError);
        }
        finish(verdict.outcome(), verdict.message());
    }

    @Override
    public void cancel() {
        finish(Outcome.CANCELED, "canceled");
    }

    void finish(Outcome outcome, String message) {
        VerifyReport report;
        List<ClusterAccess.ObjectWatch> toClose;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (rereads != null) {
                rereads.cancel(false);
            }
            toClose = new ArrayList<>(watches);
            watches.clear();
            report = report(outcome, message);
        }
        toClose.forEach(ClusterAccess.ObjectWatch::cancel);
        switch (outcome) {
            case READY -> listener.success(prefix() + message);
            case CANCELED -> listener.warning(prefix() + message);
            default -> listener.failure(prefix() + message);
        }
        result.complete(report);
    }

    @Override
    public CompletableFuture<VerifyReport> result() {
        return result;
    }

    @Override
    public synchronized VerifyReport snapshot() {
        if (result.isDone()) {
            return result.join();
        }
        return report(Outcome.CANCELED, "still waiting");
    }

    private VerifyReport report(Outcome outcome, String message) {
        return WaitReports.of(request, tracked, outcome, message, elapsed());
    }

    private Duration elapsed() {
        return clock.elapsed();
    }

    private String prefix() {
        return clock.prefix();
    }
}
