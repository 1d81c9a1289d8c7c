package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import java.util.List;
import java.util.Optional;

/** Flux's own "reconcile now": the {@link Verifier#REQUESTED_AT} annotation on each tracked build-cluster object. */
final class ReconcileRequests {

    private ReconcileRequests() {
    }

    /**
     * Annotates every build-cluster object of {@code all} with {@code token}. Blocks for the cluster's retries.
     *
     * @return the first object that does not exist (nothing after it is annotated); empty when all were
     * @throws ClusterException when the cluster refuses for another reason
     */
    static Optional<TrackedObject> annotate(ClusterAccess build, List<TrackedObject> all, String token) {
        for (TrackedObject t : all) {
            if (!WaitTargets.BUILD.equals(t.clusterId)) {
                continue;
            }
            try {
                build.annotate(t.ref(), Verifier.REQUESTED_AT, token);
            } catch (ClusterException e) {
                if (!e.isTransient() && build.get(t.ref()).isEmpty()) {
                    return Optional.of(t);
                }
                throw e;
            }
        }
        return Optional.empty();
    }
}
