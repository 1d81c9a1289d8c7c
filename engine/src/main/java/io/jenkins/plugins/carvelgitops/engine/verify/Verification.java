package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A blocking verify of one or more requests, for callers that hold a thread while they wait (the CLI, the
 * Jenkins agent): owns the scheduler and the cluster clients, starts every request, {@link #await}s the
 * reports; {@link #cancel} (from another thread, a shutdown hook) or an interrupt of the waiting thread stops
 * every wait and closes its watches. {@link #close} releases the threads and clients.
 */
public final class Verification implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final KubeClients clients;
    private final List<VerifyRequest> requests;
    private final List<VerifyHandle> handles = new ArrayList<>();

    private Verification(List<VerifyRequest> requests, RevisionHistory history, ProgressListener listener) {
        this.requests = List.copyOf(requests);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "carvel-gitops-verify");
            t.setDaemon(true);
            return t;
        });
        this.clients = new KubeClients();
        Verifier verifier = new Verifier(clients, history, scheduler);
        try {
            for (VerifyRequest request : this.requests) {
                handles.add(verifier.start(request, listener));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts every request at once; returns without waiting. */
    public static Verification start(List<VerifyRequest> requests, RevisionHistory history,
            ProgressListener listener) {
        return new Verification(requests, history, listener);
    }

    /**
     * Blocks until every request has its report, in request order. On interrupt every wait is canceled
     * (its watches closed) before the exception is rethrown.
     */
    public LinkedHashMap<VerifyRequest, VerifyReport> await() throws InterruptedException {
        LinkedHashMap<VerifyRequest, VerifyReport> reports = new LinkedHashMap<>();
        try {
            for (int i = 0; i < requests.size(); i++) {
                reports.put(requests.get(i), handles.get(i).result().get());
            }
            return reports;
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } catch (ExecutionException e) {
            // a result completes normally even on failure (VerifyHandle#result): this is a bug, not a cluster answer
            cancel();
            throw new IllegalStateException("the verify ended unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    /** Stops every wait: closes the watches and completes the reports as canceled. Safe at any time. */
    public void cancel() {
        handles.forEach(VerifyHandle::cancel);
    }

    @Override
    public void close() {
        cancel();
        scheduler.shutdownNow();
        clients.close();
    }
}
