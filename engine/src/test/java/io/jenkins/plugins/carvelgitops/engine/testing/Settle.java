package io.jenkins.plugins.carvelgitops.engine.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits for a {@link SimulatedDelivery} to reach a state before a one-shot read (status) looks at it: the
 * simulators keep writing for a moment after the first Ready. Test-only.
 */
public final class Settle {

    private static final int ROUNDS = 200;
    private static final long PAUSE_MILLIS = 100;

    private Settle() {
    }

    /**
     * Until every Kustomization reports ReconciliationSucceeded and the simulators have written nothing to the
     * build cluster for one pause.
     */
    public static void flux(SimulatedDelivery d, String apiVersion) throws InterruptedException {
        int mark = -1;
        for (int i = 0; i < ROUNDS; i++) {
            d.flux.drain();
            boolean quiet = d.build.requests().size() == mark; // no request but ours since the last look
            var all = d.build.client().genericKubernetesResources(MockCluster.context("kustomize.toolkit.fluxcd.io/"
                    + apiVersion, "Kustomization")).inNamespace(SimulatedDelivery.FLUX_NS).list().getItems();
            if (quiet && all.size() == 2 * d.stages.size() && all.stream().allMatch(k -> String.valueOf(
                    k.getAdditionalProperties().get("status")).contains("reason=ReconciliationSucceeded"))) {
                return;
            }
            mark = d.build.requests().size();
            Thread.sleep(PAUSE_MILLIS); // "settled" means no request for one pause, so this is the measure
        }
        List<String> requests = d.build.requests();
        throw new AssertionError("Flux did not settle; last requests: " + requests.subList(Math.max(0,
                requests.size() - 8), requests.size()));
    }

    /** Until the stage's PackageInstall status holds this condition type with status True. */
    public static void packageInstall(SimulatedDelivery d, String stage, String condition)
            throws InterruptedException {
        Await.until(Duration.ofMillis(ROUNDS * PAUSE_MILLIS / 2), () -> "PackageInstall of " + stage
                + " never reported " + condition + ": " + status(d, stage), () -> holds(d, stage, condition));
    }

    private static boolean holds(SimulatedDelivery d, String stage, String condition) {
        var pkgi = d.run(stage).get(SimulatedDelivery.pkgiApi(), "PackageInstall", SimulatedDelivery.APP_NS,
                d.install(stage));
        if (pkgi == null || !(pkgi.getAdditionalProperties().get("status") instanceof Map<?, ?> status)
                || !(status.get("conditions") instanceof List<?> conditions)) {
            return false;
        }
        return conditions.stream().anyMatch(c -> c instanceof Map<?, ?> m && condition.equals(m.get("type"))
                && "True".equals(m.get("status")));
    }

    private static String status(SimulatedDelivery d, String stage) {
        var pkgi = d.run(stage).get(SimulatedDelivery.pkgiApi(), "PackageInstall", SimulatedDelivery.APP_NS,
                d.install(stage));
        return pkgi == null ? "absent" : String.valueOf(pkgi.getAdditionalProperties().get("status"));
    }
}
