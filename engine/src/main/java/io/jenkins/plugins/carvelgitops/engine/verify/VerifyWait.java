package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.Deadline;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigSecrets;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.report.Counts;
import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.verify.Readiness.State;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.ObjectReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.StageReport;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest.StageTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** One verify in flight: the tracked objects, their watches, the deadline. All state is guarded by {@code this}. */
final class VerifyWait implements VerifyHandle {

    private static final String BUILD = "build";

    private final VerifyRequest request;
    private final ProgressListener listener;
    private final KubeClients clients;
    private final RevisionHistory history;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final CompletableFuture<VerifyReport> result = new CompletableFuture<>();

    private final List<Tracked> tracked = new ArrayList<>();
    private final List<ClusterAccess.ObjectWatch> watches = new ArrayList<>();
    private ScheduledFuture<?> deadline;
    private boolean done;
    /** The last transient cluster error that retries could not overcome before the deadline. */
    private String lastError;

    VerifyWait(VerifyRequest request, ProgressListener listener, KubeClients clients, RevisionHistory history,
            ScheduledExecutorService scheduler, Clock clock, LongSupplier nanoTime) {
        this.request = request;
        this.listener = listener;
        this.clients = clients;
        this.history = history;
        this.scheduler = scheduler;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** One object we wait for. */
    private static final class Tracked {
        final String clusterId;
        final String clusterLabel;
        final ClusterAccess cluster;
        Expectation expectation;
        boolean synced;
        Map<String, Object> object;
        Readiness readiness;

        Tracked(String clusterId, ClusterAccess cluster, Expectation expectation) {
            this.clusterId = clusterId;
            this.cluster = cluster;
            this.clusterLabel = cluster.label();
            this.expectation = expectation;
        }

        ObjectRef ref() {
            return expectation.ref();
        }

        boolean matches(String cluster, String kind, String namespace) {
            return clusterId.equals(cluster) && ref().kind().equals(kind) && ref().namespace().equals(namespace);
        }
    }

    // ---------------------------------------------------------------- setup

    void begin() {
        try {
            synchronized (this) {
                if (done) {
                    return;
                }
                deadline = scheduler.schedule(this::timedOut, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            // Requests that fail for now are retried, but never past the deadline.
            Deadline until = Deadline.in(request.timeout().minus(elapsed()));
            ClusterAccess build = clients.cluster(request.buildCluster(), "build cluster").within(until);
            String sourceApi = "source.toolkit.fluxcd.io/" + request.fluxApiVersion();
            String kustomizeApi = "kustomize.toolkit.fluxcd.io/" + request.fluxApiVersion();
            String ns = request.fluxNamespace();
            List<Tracked> all = new ArrayList<>();
            all.add(new Tracked(BUILD, build, new Expectation.FluxRevision(VerifyReport.SOURCE,
                    new ObjectRef(sourceApi, "GitRepository", ns, request.gitRepository()), request.revision())));
            Map<String, ClusterAccess> runClusters = new LinkedHashMap<>();
            for (StageTarget stage : request.stages()) {
                for (String ks : stage.kustomizations()) {
                    all.add(new Tracked(BUILD, build, new Expectation.FluxRevision(stage.stage(),
                            new ObjectRef(kustomizeApi, "Kustomization", ns, ks), request.revision())));
                }
                KubeconfigAuth kubeconfig = stage.kubeconfig() != null ? stage.kubeconfig()
                        : kubeconfigFromSecret(build, stage.stage());
                String label = "run cluster of stage " + stage.stage();
                ClusterAccess run = clients.cluster(kubeconfig, label).within(until);
                String id = "run:" + kubeconfig.fingerprint();
                runClusters.putIfAbsent(id + "|" + stage.namespace(), run);
                all.add(new Tracked(id, run, new Expectation.PackageVersion(stage.stage(), new ObjectRef(
                        KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", stage.namespace(), stage.packageInstall()),
                        stage.version(), false)));
            }
            synchronized (this) {
                tracked.addAll(all);
            }
            if (request.reconcile()) {
                requestReconcile(build, all);
            }
            synchronized (this) {
                if (done) {
                    return;
                }
                watch(build, BUILD, sourceApi, "GitRepository", ns);
                if (!request.stages().isEmpty()) {
                    watch(build, BUILD, kustomizeApi, "Kustomization", ns);
                }
                runClusters.forEach((key, run) -> {
                    String id = key.substring(0, key.indexOf('|'));
                    String namespace = key.substring(key.indexOf('|') + 1);
                    watch(run, id, KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", namespace);
                });
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

    private KubeconfigAuth kubeconfigFromSecret(ClusterAccess build, String stage) {
        String name = stage + "-kubeconfig";
        if (!request.kubeconfigFromSecret()) {
            throw new ClusterException("no kubeconfig for stage " + stage + ": give one (--stage-kubeconfig " + stage
                    + "=FILE, or stageKubeconfigs in the step), or allow reading Secret " + name + " from the build "
                    + "cluster");
        }
        return KubeconfigSecrets.read(build, request.fluxNamespace(), stage);
    }

    private void requestReconcile(ClusterAccess build, List<Tracked> all) {
        String token = clock.instant().toString();
        int n = 0;
        for (Tracked t : all) {
            if (!BUILD.equals(t.clusterId)) {
                continue;
            }
            try {
                build.annotate(t.ref(), Verifier.REQUESTED_AT, token);
                n++;
            } catch (ClusterException e) {
                if (!e.isTransient() && build.get(t.ref()).isEmpty()) {
                    synchronized (this) {
                        t.synced = true;
                        evaluate(t);
                    }
                    checkDone();
                    return;
                }
                throw e;
            }
        }
        listener.action(prefix() + "requested reconcile of " + Counts.of(n, "Flux object") + " (" + Verifier.REQUESTED_AT + "="
                + token + ")");
    }

    private void watch(ClusterAccess cluster, String clusterId, String apiVersion, String kind, String namespace) {
        watches.add(cluster.watch(apiVersion, kind, namespace, new ClusterAccess.WatchListener() {
            @Override
            public void synced(List<Map<String, Object>> objects) {
                synchronized (VerifyWait.this) {
                    for (Tracked t : tracked) {
                        if (t.matches(clusterId, kind, namespace)) {
                            t.synced = true;
                            t.object = objects.stream().filter(o -> t.ref().name().equals(Obj.str(o, "metadata",
                                    "name"))).findFirst().orElse(null);
                            evaluate(t);
                        }
                    }
                }
                checkDone();
            }

            @Override
            public void changed(Map<String, Object> object) {
                update(clusterId, kind, namespace, Obj.str(object, "metadata", "name"), object);
            }

            @Override
            public void deleted(Map<String, Object> object) {
                update(clusterId, kind, namespace, Obj.str(object, "metadata", "name"), null);
            }

            @Override
            public void failed(String message) {
                finish(Outcome.FAILED, message);
            }

            @Override
            public void interrupted(String message) {
                synchronized (VerifyWait.this) {
                    lastError = message;
                }
                listener.warning(prefix() + message);
            }
        }));
    }

    // ---------------------------------------------------------------- events

    private void update(String clusterId, String kind, String namespace, String name, Map<String, Object> object) {
        synchronized (this) {
            if (done) {
                return;
            }
            for (Tracked t : tracked) {
                if (t.matches(clusterId, kind, namespace) && t.ref().name().equals(name)) {
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
    private void evaluate(Tracked t) {
        if (done) {
            return;
        }
        Readiness r = ReadinessRules.evaluate(t.object, t.expectation, history);
        Readiness before = t.readiness;
        t.readiness = r;
        if (before == null || before.state() != r.state() || !before.seen().equals(r.seen())) {
            String what = t.expectation.stage() + ": " + t.ref().kind() + " " + t.ref().name();
            switch (r.state()) {
                case READY -> listener.success(prefix() + what + " " + readyText(t));
                case FAILED -> listener.failure(prefix() + what + " failed: " + oneLine(r.message()));
                default -> listener.waiting(prefix() + what + ": " + r.seen()
                        + (r.message().isEmpty() ? "" : " (" + oneLine(r.message()) + ")"));
            }
        }
        if (r.isReady() && t.expectation instanceof Expectation.FluxRevision && isLastKustomization(t)) {
            // Flux has applied the PackageInstall: from now on, its absence is a failure. Events of two
            // clusters arrive in no set order, so an absence is confirmed with one read first.
            for (Tracked p : tracked) {
                if (p.expectation instanceof Expectation.PackageVersion pv && pv.stage().equals(t.expectation.stage())
                        && !pv.mustExist()) {
                    if (p.object != null) {
                        p.expectation = pv.mustExist(true);
                    } else if (p.synced) {
                        scheduler.execute(() -> confirmAbsent(p));
                    }
                }
            }
        }
    }

    private void confirmAbsent(Tracked p) {
        Map<String, Object> object;
        try {
            object = p.cluster.get(p.ref()).orElse(null);
        } catch (ClusterException e) {
            return; // the watch reports an unreachable cluster on its own
        }
        synchronized (this) {
            if (done || !(p.expectation instanceof Expectation.PackageVersion pv)) {
                return;
            }
            p.expectation = pv.mustExist(true);
            if (p.object == null) {
                p.object = object;
            }
            evaluate(p);
        }
        checkDone();
    }

    private boolean isLastKustomization(Tracked t) {
        for (StageTarget s : request.stages()) {
            if (s.stage().equals(t.expectation.stage()) && !s.kustomizations().isEmpty()) {
                return s.kustomizations().get(s.kustomizations().size() - 1).equals(t.ref().name());
            }
        }
        return false;
    }

    private static String readyText(Tracked t) {
        if (t.expectation instanceof Expectation.PackageVersion pv) {
            return "reconciled " + pv.version();
        }
        String revision = "Kustomization".equals(t.ref().kind()) ? Obj.str(t.object, "status", "lastAppliedRevision")
                : Obj.str(t.object, "status", "artifact", "revision");
        return ("GitRepository".equals(t.ref().kind()) ? "fetched " : "applied ")
                + ReadinessRules.abbreviate(revision);
    }

    private void checkDone() {
        Outcome outcome = null;
        String message = null;
        synchronized (this) {
            if (done || tracked.isEmpty()) {
                return;
            }
            for (Tracked t : tracked) {
                if (t.readiness != null && t.readiness.isFailed()) {
                    outcome = Outcome.FAILED;
                    message = t.expectation.stage() + ": " + t.ref().kind() + " " + t.ref() .namespace() + "/"
                            + t.ref().name() + " on the " + t.clusterLabel + ": " + oneLine(t.readiness.message());
                    break;
                }
            }
            if (outcome == null && tracked.stream().allMatch(t -> t.readiness != null && t.readiness.isReady())) {
                outcome = Outcome.READY;
                List<String> stages = request.stages().stream().map(StageTarget::stage).toList();
                message = "revision " + Revisions.shortSha(request.revision()) + " is live"
                        + (stages.isEmpty() ? " on the build cluster" : " on " + String.join(", ", stages));
            }
        }
        if (outcome != null) {
            finish(outcome, message);
        }
    }

    private void timedOut() {
        long notReady;
        String error;
        synchronized (this) {
            notReady = tracked.stream().filter(t -> t.readiness == null || !t.readiness.isReady()).count();
            error = tracked.stream().anyMatch(t -> t.readiness == null) ? lastError : null;
        }
        finish(Outcome.TIMED_OUT, "timed out after " + human(request.timeout()) + ": " + notReady + " of "
                + Counts.of(Math.max(notReady, tracked.size()), "object") + " not ready"
                + (error == null ? "" : " (last cluster error: " + oneLine(error) + ")"));
    }

    @Override
    public void cancel() {
        finish(Outcome.CANCELED, "canceled");
    }

    private void finish(Outcome outcome, String message) {
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

    // ---------------------------------------------------------------- report

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
        Map<String, List<ObjectReport>> byStage = new LinkedHashMap<>();
        byStage.put(VerifyReport.SOURCE, new ArrayList<>());
        request.stages().forEach(s -> byStage.put(s.stage(), new ArrayList<>()));
        for (Tracked t : tracked) {
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
        return new VerifyReport(outcome, request.revision(), elapsed(), message, stages);
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    private String prefix() {
        return String.format(Locale.ROOT, "[%.1fs] ", elapsed().toMillis() / 1000.0);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    private static String human(Duration d) {
        return io.jenkins.plugins.carvelgitops.engine.config.FluxDuration.format(d);
    }
}
