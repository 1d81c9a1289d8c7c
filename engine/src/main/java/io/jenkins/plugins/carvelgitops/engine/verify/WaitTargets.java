package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.Deadline;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigSecrets;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest.StageTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one verify tracks, on which cluster, and which watches cover it: the GitRepository and each stage's
 * Kustomizations on the build cluster, each stage's PackageInstall on its run cluster (whose kubeconfig is
 * given, or read from the {@code <stage>-kubeconfig} Secret when the request allows). Opening clusters and
 * reading Secrets may block: built off the timer thread.
 *
 * @param watches one per cluster, kind and namespace
 */
record WaitTargets(ClusterAccess build, List<TrackedObject> objects, List<Watch> watches) {

    static final String BUILD = "build";

    /** One list-then-watch of a kind in a namespace of a cluster. */
    record Watch(ClusterAccess cluster, String clusterId, String apiVersion, String kind, String namespace) {
    }

    static WaitTargets of(VerifyRequest request, KubeClients clients, Deadline until) {
        ClusterAccess build = clients.cluster(request.buildCluster(), "build cluster").within(until);
        String sourceApi = "source.toolkit.fluxcd.io/" + request.fluxApiVersion();
        String kustomizeApi = "kustomize.toolkit.fluxcd.io/" + request.fluxApiVersion();
        String ns = request.fluxNamespace();
        List<TrackedObject> all = new ArrayList<>();
        all.add(new TrackedObject(BUILD, build, new Expectation.FluxRevision(VerifyReport.SOURCE,
                new ObjectRef(sourceApi, "GitRepository", ns, request.gitRepository()), request.revision())));
        List<Watch> watches = new ArrayList<>();
        watches.add(new Watch(build, BUILD, sourceApi, "GitRepository", ns));
        if (!request.stages().isEmpty()) {
            watches.add(new Watch(build, BUILD, kustomizeApi, "Kustomization", ns));
        }
        Map<String, Watch> runWatches = new LinkedHashMap<>();
        for (StageTarget stage : request.stages()) {
            for (String ks : stage.kustomizations()) {
                all.add(new TrackedObject(BUILD, build, new Expectation.FluxRevision(stage.stage(),
                        new ObjectRef(kustomizeApi, "Kustomization", ns, ks), request.revision())));
            }
            KubeconfigAuth kubeconfig = stage.kubeconfig() != null ? stage.kubeconfig()
                    : kubeconfigFromSecret(request, build, stage.stage());
            ClusterAccess run = clients.cluster(kubeconfig, "run cluster of stage " + stage.stage()).within(until);
            String id = "run:" + kubeconfig.fingerprint();
            runWatches.putIfAbsent(id + "|" + stage.namespace(), new Watch(run, id, KubeKinds.PACKAGE_INSTALL_API,
                    "PackageInstall", stage.namespace()));
            all.add(new TrackedObject(id, run, new Expectation.PackageVersion(stage.stage(), new ObjectRef(
                    KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", stage.namespace(), stage.packageInstall()),
                    stage.version(), false)));
        }
        watches.addAll(runWatches.values());
        return new WaitTargets(build, List.copyOf(all), List.copyOf(watches));
    }

    /** Whether {@code t} is the Kustomization that applies its stage's PackageInstall (the stage's last). */
    static boolean appliesPackageInstall(VerifyRequest request, TrackedObject t) {
        if (!(t.expectation instanceof Expectation.FluxRevision)) {
            return false;
        }
        for (StageTarget s : request.stages()) {
            if (s.stage().equals(t.expectation.stage()) && !s.kustomizations().isEmpty()) {
                return s.kustomizations().get(s.kustomizations().size() - 1).equals(t.ref().name());
            }
        }
        return false;
    }

    private static KubeconfigAuth kubeconfigFromSecret(VerifyRequest request, ClusterAccess build, String stage) {
        String name = FluxNames.kubeconfigSecret(stage);
        if (!request.kubeconfigFromSecret()) {
            throw new ClusterException("no kubeconfig for stage " + stage + ": give the stage's kubeconfig, or allow "
                    + "reading Secret " + name + " from the build cluster");
        }
        return KubeconfigSecrets.read(build, request.fluxNamespace(), stage);
    }
}
