package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.util.Map;

/**
 * What a stage really runs, read from its run cluster: the judgement behind a promotion's {@code requireLive}
 * ("promote only what the source stage really runs").
 *
 * @param live     true when the PackageInstall reports ReconcileSucceeded at {@code version}, at its
 *                 current generation, not paused or canceled (the rules of {@link ReadinessRules})
 * @param reported the version the PackageInstall reports ({@code status.version}), null if none or absent
 * @param seen     what it reports, in a few words
 * @param reason   why it is not live ("" when live)
 */
public record LiveVersion(boolean live, String reported, String seen, String reason) {

    /** Reads the PackageInstall {@code namespace/name} once and judges it against {@code version}. */
    public static LiveVersion check(ClusterAccess runCluster, String stage, String namespace, String name,
            String version) {
        ObjectRef ref = new ObjectRef(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", namespace, name);
        Map<String, Object> pkgi = runCluster.get(ref).orElse(null);
        Readiness r = ReadinessRules.evaluate(pkgi, new Expectation.PackageVersion(stage, ref, version, true),
                RevisionHistory.EXACT);
        String reported = pkgi == null ? null : Obj.str(pkgi, "status", "version");
        return new LiveVersion(r.isReady(), reported, r.seen(), r.isReady() ? "" : stage + ": PackageInstall "
                + namespace + "/" + name + " on the " + runCluster.label() + " is not live at " + version + ": "
                + r.seen() + (r.message().isEmpty() ? "" : " (" + Text.oneLine(r.message()) + ")"));
    }
}
