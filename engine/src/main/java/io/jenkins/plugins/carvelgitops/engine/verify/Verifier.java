package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Starts verifies: request a reconcile, then watch the GitRepository and Kustomizations on the build
 * cluster and each stage's PackageInstall on its run cluster until every one reports our commit and our
 * version ({@link ReadinessRules}), one fails, or the timeout passes.
 */
public final class Verifier {

    /** The annotation that makes Flux reconcile now rather than after its interval. */
    public static final String REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

    private final KubeClients clients;
    private final RevisionHistory history;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param clients   creates (and shares) cluster clients; the caller closes it
     * @param history   decides whether a revision descends from ours
     * @param scheduler holds the deadlines; never blocked: setup, Secret reads, reconcile requests and their
     *                  retries run on this verifier's own threads (daemons, gone after a minute idle)
     */
    public Verifier(KubeClients clients, RevisionHistory history, ScheduledExecutorService scheduler) {
        this(clients, history, scheduler, Clock.systemUTC(), System::nanoTime);
    }

    Verifier(KubeClients clients, RevisionHistory history, ScheduledExecutorService scheduler, Clock clock,
            LongSupplier nanoTime) {
        this.clients = clients;
        this.history = history;
        this.scheduler = scheduler;
        this.blocking = blockingThreads();
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** Starts waiting and returns at once; setup and watching happen on other threads. */
    public VerifyHandle start(VerifyRequest request, ProgressListener listener) {
        VerifyWait wait = new VerifyWait(request, listener, clients, history, scheduler, blocking, clock, nanoTime);
        blocking.execute(wait::begin);
        return wait;
    }

    private static Executor blockingThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "carvel-gitops-verify-io");
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }
}
