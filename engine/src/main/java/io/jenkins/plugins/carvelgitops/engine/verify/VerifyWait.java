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
import java.util.function.LongSupplier;

/**
 * One verify in flight: starts the watches, hands what they see to its {@link TrackedObjects}, and ends when
 * {@link WaitVerdict} says so (ready, the first failure), at the deadline or on a cancel. All state is guarded
 * by {@code this}. Work that may block (opening clusters, reading Secrets, reconcile requests and their
 * retries, re-reads, confirming an absence, the timeout's report) runs on the {@code blocking} executor; the
 * shared scheduler only holds the {@link WaitTimers}, which hand their work to that executor.
 */
final class VerifyWait implements VerifyHandle {

    private final VerifyRequest request;
    private final ProgressListener listener;
    private final KubeClients clients;
    private final Executor blocking;
    /** Wall time, for the reconcile request's token. */
    private final Clock wallClock;
    private final WaitClock clock;
    private final CompletableFuture<VerifyReport> result = new CompletableFuture<>();

    private final TrackedObjects tracked;
    private final List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
    private final WaitTimers timers;
    private boolean done;
    /** The last transient cluster error that retries could not overcome before the deadline. */
    private String lastError;

    VerifyWait(VerifyRequest request, ProgressListener listener, KubeClients clients, RevisionHistory history,
            ScheduledExecutorService scheduler, Executor blocking, Clock clock, LongSupplier nanoTime) {
        this.request = request;
        this.listener = listener;
        this.clients = clients;
        this.blocking = blocking;
        this.wallClock = clock;
        this.clock = new WaitClock(nanoTime);
        this.timers = new WaitTimers(scheduler, blocking);
        this.tracked = new TrackedObjects(request, history, t -> WaitReports.announce(listener, prefix(), t),
                p -> blocking.execute(() -> confirmAbsent(p)));
    }

    void begin() {
        try {
            synchronized (this) {
                if (done) {
                    return;
                }
                timers.deadline(request.timeout(), this::timedOut);
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
                timers.rereads(MissedEvents.interval(request.timeout()), this::reread);
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
                if (done) {
                    return;
                }
                missing.get().synced = true;
                tracked.evaluate(missing.get());
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
            if (done) {
                return;
            }
            tracked.synced(w, objects);
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
            tracked.update(w, name, object);
        }
        checkDone();
    }

    /** Reads once more what is not ready yet (see {@link MissedEvents}); runs on the blocking executor. */
    private void reread() {
        List<TrackedObject> pending;
        synchronized (this) {
            if (done) {
                return;
            }
            pending = tracked.pending();
        }
        for (TrackedObject t : pending) {
            boolean running = readNow(t, now -> tracked.reread(t, now));
            if (!running) {
                return;
            }
        }
        checkDone();
    }

    private void confirmAbsent(TrackedObject p) {
        readNow(p, object -> tracked.confirmed(p, object));
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
            verdict = WaitVerdict.of(request, tracked.all());
        }
        verdict.ifPresent(v -> finish(v.outcome(), v.message()));
    }

    private void timedOut() {
        WaitVerdict verdict;
        synchronized (this) {
            verdict = WaitVerdict.timedOut(request, tracked.all(), lastError);
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
            timers.cancel();
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
        return WaitReports.of(request, tracked.all(), outcome, message, elapsed());
    }

    private Duration elapsed() {
        return clock.elapsed();
    }

    private String prefix() {
        return clock.prefix();
    }
}
