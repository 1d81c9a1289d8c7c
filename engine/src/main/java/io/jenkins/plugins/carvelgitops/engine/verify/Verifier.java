package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
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
    private final Clock clock;
    private final LongSupplier nanoTime;

    /**
     * @param clients   creates (and shares) cluster clients; the caller closes it
     * @param history   decides whether a revision descends from ours
     * @param scheduler runs the short setup (annotations, Secret reads) and the deadline; never blocked long
     */
    public Verifier(KubeClients clients, RevisionHistory history, ScheduledExecutorService scheduler) {
        this(clients, history, scheduler, Clock.systemUTC(), System::nanoTime);
    }

    Verifier(KubeClients clients, RevisionHistory history, ScheduledExecutorService scheduler, Clock clock,
            LongSupplier nanoTime) {
        this.clients = clients;
        this.history = history;
        this.scheduler = scheduler;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** Starts waiting and returns at once; setup and watching happen on other threads. */
    public VerifyHandle start(VerifyRequest request, ProgressListener listener) {
        VerifyWait wait = new VerifyWait(request, listener, clients, history, scheduler, clock, nanoTime);
        scheduler.execute(wait::begin);
        return wait;
    }
}
