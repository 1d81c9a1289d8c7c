package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import java.util.Map;

/** One object a verify waits for, on its cluster, and what was last seen of it. Guarded by its {@link VerifyWait}. */
final class TrackedObject {

    final String clusterId;
    final String clusterLabel;
    final ClusterAccess cluster;
    Expectation expectation;
    boolean synced;
    Map<String, Object> object;
    Readiness readiness;

    TrackedObject(String clusterId, ClusterAccess cluster, Expectation expectation) {
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

    boolean isReady() {
        return readiness != null && readiness.isReady();
    }

    /** What the progress line says once the object is ready. */
    String readyText() {
        if (expectation instanceof Expectation.PackageVersion pv) {
            return "reconciled " + pv.version();
        }
        String revision = "Kustomization".equals(ref().kind()) ? Obj.str(object, "status", "lastAppliedRevision")
                : Obj.str(object, "status", "artifact", "revision");
        return ("GitRepository".equals(ref().kind()) ? "fetched " : "applied ") + ReadinessRules.abbreviate(revision);
    }
}
