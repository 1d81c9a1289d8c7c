package io.jenkins.plugins.carvelgitops.bench;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator;
import io.jenkins.plugins.carvelgitops.engine.testing.MockCluster;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.verify.Verifier;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyHandle;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 4: how long after the last controller status change the wait returns, against the mock API
 * server with the Flux and kapp-controller simulators; and how many API requests one verification
 * makes, for a short and a long wait. The baseline is the polling loop teams script today
 * ({@code baseline/wait.sh}: GET the PackageInstall, {@code sleep 5}).
 */
final class VerifyReactionScenario {

    static final String SHA = "a1afe267b54f38b46b487f6e938a6fd508278c07";

    private final Settings settings;

    VerifyReactionScenario(Settings settings) {
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        int trials = settings.smoke() ? 3 : settings.quick() ? 25 : 200;
        Random random = new Random(42);
        List<Double> reactions = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        int shortRequests = 0;
        int longRequests = 0;
        try (KubeClients clients = new KubeClients()) {
            for (int trial = 0; trial < trials + 1; trial++) {
                Duration kappDelay = Duration.ofMillis(50 + random.nextInt(250));
                Trial t = trial(clients, scheduler, kappDelay);
                if (trial > 0) {
                    reactions.add(t.reactionMs());
                }
            }
            shortRequests = trial(clients, scheduler, Duration.ofMillis(300)).requests();
            longRequests = trial(clients, scheduler, Duration.ofMillis(settings.smoke() ? 600 : 3000)).requests();
        } finally {
            scheduler.shutdownNow();
        }
        List<Double> baseline = baseline(settings.smoke() ? 1 : settings.quick() ? 2 : 8, random);
        Stats ours = Stats.of(reactions);
        Stats theirs = Stats.of(baseline);
        double p99 = Stats.percentile(reactions, 99);
        String detail = String.format(Locale.ROOT, "%d trials: p50 %.1f ms, p99 %.1f ms; API requests per "
                + "verification, seen by the API servers from verifier and simulators together: %d (0.3 s wait) vs %d "
                + "(%s s wait); baseline polls every 5 s (%d trials)", trials,
                ours.median(), p99, shortRequests, longRequests, settings.smoke() ? "0.6" : "3", baseline.size());
        return List.of(new Result("verify-reaction", ours, theirs, detail, "p99 under 100 ms", p99 < 100));
    }

    record Trial(double reactionMs, int requests) {
    }

    private static Trial trial(KubeClients clients, ScheduledExecutorService scheduler, Duration kappDelay)
            throws Exception {
        try (SimulatedDelivery d = new SimulatedDelivery("v1", FluxSimulator.Format.SHA1, List.of("prod"), 1,
                false)) {
            d.deliver("prod", "1.2.3");
            d.kapp("prod").delay(kappDelay);
            d.flux.head(SHA);
            int before = d.build.requests().size() + d.run("prod").requests().size();
            VerifyHandle handle = new Verifier(clients, RevisionHistory.EXACT, scheduler)
                    .start(d.request(SHA, Duration.ofSeconds(60), true), ProgressListener.NONE);
            VerifyReport report = handle.result().get(60, TimeUnit.SECONDS);
            long doneAt = System.nanoTime();
            if (report.outcome() != VerifyReport.Outcome.READY) {
                throw new IllegalStateException("verify did not succeed: " + report.message());
            }
            // The decisive write is the later of both controllers' last before the wait returned (verify's
            // reconcile request makes Flux write Ready again, at times after kapp-controller's last write),
            // timed from when it was sent: verify may see it before its sender has the answer. Both are
            // drained first, so a write still in flight when the wait returned is counted.
            d.kapp("prod").drain();
            d.flux.drain();
            long lastWrite = Math.max(d.kapp("prod").lastWriteSentBefore(doneAt), d.flux.lastWriteSentBefore(doneAt));
            int requests = d.build.requests().size() + d.run("prod").requests().size() - before;
            return new Trial((doneAt - lastWrite) / 1e6, requests);
        }
    }

    /** The polling script against a mock API server: status flips at a random moment, the loop notices later. */
    private List<Double> baseline(int trials, Random random) throws Exception {
        List<Double> delays = new ArrayList<>();
        Path script = settings.baseline().resolve("wait.sh");
        for (int i = 0; i < trials; i++) {
            try (MockCluster cluster = MockCluster.start()) {
                cluster.put(pkgi());
                int port = portOf(cluster);
                Process p = new ProcessBuilder("bash", script.toString(), "http://localhost:" + port, "apps", "app",
                        "1.2.3", "5").redirectErrorStream(true).start();
                Thread.sleep(200 + random.nextInt(5000));
                cluster.patchStatus("packaging.carvel.dev/v1alpha1", "PackageInstall", "apps", "app",
                        java.util.Map.of("version", "1.2.3", "conditions", List.of(java.util.Map.of("type",
                                "ReconcileSucceeded", "status", "True"))));
                long flipped = System.nanoTime();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("the baseline loop did not notice the change");
                }
                delays.add((System.nanoTime() - flipped) / 1e6);
            }
        }
        return delays;
    }

    private static int portOf(MockCluster cluster) {
        String kubeconfig = cluster.kubeconfig().content();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("localhost:(\\d+)").matcher(kubeconfig);
        if (!m.find()) {
            throw new IllegalStateException("no port in the mock cluster's kubeconfig");
        }
        return Integer.parseInt(m.group(1));
    }

    private static java.util.Map<String, Object> pkgi() {
        return java.util.Map.of("apiVersion", "packaging.carvel.dev/v1alpha1", "kind", "PackageInstall", "metadata",
                java.util.Map.of("name", "app", "namespace", "apps"), "spec", java.util.Map.of("packageRef",
                        java.util.Map.of("refName", "app.default.tap")));
    }
}
