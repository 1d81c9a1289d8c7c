package io.jenkins.plugins.carvelgitops.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many stages at once: the wait must not hold a thread per stage. Watches are shared per cluster, kind
 * and namespace, so 200 stages on 4 run clusters need 2 + 4 watches. Prints the numbers it measures.
 */
class VerifyScaleIT {

    static final String SHA = "a1afe267b54f38b46b487f6e938a6fd508278c07";

    @Test
    void twoHundredStagesDoNotMeanTwoHundredThreads() throws Exception {
        List<String> stages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            stages.add("s" + i);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        int threadsBefore = Thread.activeCount();
        try (SimulatedDelivery d = new SimulatedDelivery("v1beta2", Format.LEGACY, stages, 4, false);
                KubeClients clients = new KubeClients()) {
            d.flux.reactToRequests(false).head(SHA);
            stages.forEach(s -> d.deliver(s, "1.2.3"));
            AtomicInteger maxHttpThreads = new AtomicInteger();
            RecordingProgress progress = new RecordingProgress();
            VerifyHandle handle = new Verifier(clients, RevisionHistory.EXACT, scheduler)
                    .start(d.request(SHA, Duration.ofSeconds(120), true), progress);
            // Let every watch connect and list, then count the client's threads while it waits.
            for (int i = 0; i < 30; i++) {
                Thread.sleep(100); // a sample every 100 ms over 3 s, not a wait for a condition
                maxHttpThreads.accumulateAndGet(clients.httpThreads(), Math::max);
            }
            int waitingHttpThreads = clients.httpThreads();
            AtomicLong doneAt = new AtomicLong();
            handle.result().thenRun(() -> doneAt.set(System.nanoTime()));
            d.flux.tick();
            VerifyReport report = handle.result().get(120, TimeUnit.SECONDS);
            assertThat(report.outcome()).as(report.message()).isEqualTo(Outcome.READY);
            long lastStatus = d.runClusters().stream().mapToLong(c -> d.kapp(stages.get(d.runClusters().indexOf(c)))
                    .lastWriteNanos()).max().orElseThrow();
            System.out.printf("stages=%d runClusters=%d httpThreadsWhileWaiting=%d maxHttpThreads=%d "
                    + "jvmThreadsBefore=%d reactionMs=%.1f elapsed=%s%n", stages.size(), d.runClusters().size(),
                    waitingHttpThreads, maxHttpThreads.get(), threadsBefore, (doneAt.get() - lastStatus) / 1e6,
                    report.elapsed());
            assertThat(waitingHttpThreads).as("HTTP threads held while 200 stages wait").isLessThan(20);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
