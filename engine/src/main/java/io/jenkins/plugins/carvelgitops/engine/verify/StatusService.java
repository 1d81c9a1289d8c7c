package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.git.Urls;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterException;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigSecrets;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.layout.InstallName;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.GitPin;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.ObjectStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyPlanner.StagePin;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads, once and without writing anything, what each stage of a config runs: the version Git pins at the
 * head of the branch ({@link VerifyPlanner#pin}), then, with cluster access, the GitRepository and the
 * stage's Kustomizations on the build cluster and its PackageInstall on its run cluster, judged by
 * {@link ReadinessRules} against that head and that version. A cluster that cannot be read makes its
 * objects {@link State#UNKNOWN} with the reason; the other clusters are still read.
 */
public final class StatusService {

    private static final String BUILD = "build cluster";

    /** Opens a cluster from its kubeconfig; {@link KubeClients#cluster} is one. */
    @FunctionalInterface
    public interface Clusters {

        /** For Git only: opens no cluster. */
        Clusters NONE = (kubeconfig, label) -> {
            throw new IllegalStateException("no cluster access was given: cannot open the " + label);
        };

        ClusterAccess cluster(KubeconfigAuth kubeconfig, String label);
    }

    private final Clusters clients;
    private final Clock clock;

    /** @param clients creates (and shares) cluster clients; the caller closes it */
    public StatusService(KubeClients clients, Clock clock) {
        this((Clusters) clients::cluster, clock);
    }

    /** @param clients opens clusters; only asked when the request gives the build cluster's kubeconfig */
    public StatusService(Clusters clients, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public StatusReport read(StatusRequest request) {
        GitopsConfig config = request.config();
        GitopsHistory history = request.history();
        String head = VerifyPlanner.head(config, history).toLowerCase(Locale.ROOT);
        List<StageSpec> stages = config.stages();
        Map<String, GitPin> pins = new HashMap<>();
        Map<String, StagePin> pinned = new HashMap<>();
        RepositoryLayout layout = RepositoryLayout.at(config, history, head);
        for (StageSpec stage : stages) {
            String file = layout.packageInstallFile(stage.name());
            try {
                Optional<StagePin> pin = VerifyPlanner.pin(config, history, head, stage);
                pin.ifPresent(p -> pinned.put(stage.name(), p));
                pins.put(stage.name(), pin.map(p -> new GitPin(p.file(), p.constraints(), p.version(), ""))
                        .orElseGet(() -> new GitPin(file, null, null, "not rendered at " + Revisions.shortSha(head))));
            } catch (ValidationException e) {
                pins.put(stage.name(), new GitPin(file, null, null, e.problems().get(0).line()));
            }
        }
        boolean live = request.buildCluster() != null;
        Reader reader = live ? new Reader(request, head) : null;
        String fluxNs = config.flux().namespace();
        String repoName = FluxNames.gitRepository(config);
        ObjectStatus source = live ? reader.flux(VerifyReport.SOURCE, new ObjectRef(config.flux().sourceApiVersion(),
                "GitRepository", fluxNs, repoName)) : null;
        List<StageStatus> result = new ArrayList<>();
        for (StageSpec stage : stages) {
            GitPin git = pins.get(stage.name());
            StagePin pin = pinned.get(stage.name());
            List<ObjectStatus> kustomizations = new ArrayList<>();
            for (String name : VerifyPlanner.kustomizations(config, stage)) {
                ObjectRef ref = new ObjectRef(config.flux().kustomizeApiVersion(), "Kustomization", fluxNs, name);
                kustomizations.add(live ? reader.flux(stage.name(), ref)
                        : ObjectStatus.unknown(BUILD, ref.kind(), fluxNs, name, "not read: Git only"));
            }
            String pkgiNs = pin != null ? pin.namespace() : stage.namespace();
            String pkgiName = pin != null ? pin.packageInstall()
                    : InstallName.configured(config, stage).orElse("(unknown)");
            String runLabel = "run cluster of stage " + stage.name();
            ObjectStatus pkgi;
            if (!live) {
                pkgi = ObjectStatus.unknown(runLabel, "PackageInstall", pkgiNs, pkgiName, "not read: Git only");
            } else if (pin == null) {
                pkgi = ObjectStatus.unknown(runLabel, "PackageInstall", pkgiNs, pkgiName, "Git pins no version: "
                        + git.problem());
            } else {
                boolean applied = kustomizations.get(kustomizations.size() - 1).state() == State.READY;
                pkgi = reader.packageInstall(stage.name(), pin, applied);
            }
            result.add(new StageStatus(stage.name(), git, kustomizations, pkgi));
        }
        String note = live ? "" : "Git only: no cluster access was given, so nothing was read from the clusters";
        return new StatusReport(config.packageName(), Urls.withoutCredentials(config.repository().url()),
                config.repository().branch(), head, clock.instant(), live, note, source, result);
    }

    /** Reads objects; remembers a cluster that failed so it is not asked again. */
    private final class Reader {
        private final StatusRequest request;
        private final String head;
        private final Map<String, String> unreachable = new HashMap<>();
        private ClusterAccess build;

        Reader(StatusRequest request, String head) {
            this.request = request;
            this.head = head;
        }

        private ClusterAccess build() {
            if (build == null) {
                build = clients.cluster(request.buildCluster(), BUILD);
            }
            return build;
        }

        ObjectStatus flux(String stage, ObjectRef ref) {
            Read read = get(build(), BUILD, request.buildCluster().fingerprint(), ref);
            if (read.error() != null) {
                return ObjectStatus.unknown(BUILD, ref.kind(), ref.namespace(), ref.name(), read.error());
            }
            Map<String, Object> o = read.object();
            Readiness r = ReadinessRules.evaluate(o, new Expectation.FluxRevision(stage, ref, head),
                    request.history());
            boolean kustomization = "Kustomization".equals(ref.kind());
            Map<String, Object> ready = o == null ? null : Obj.condition(o, "Ready");
            return ObjectStatus.judged(BUILD, ref.kind(), ref.namespace(), ref.name(), r.state().asResultState(), r.seen(),
                            r.message())
                    .withCondition(ready == null ? null : "Ready=" + Obj.text(ready, "status"),
                            ready == null ? null : Obj.text(ready, "reason"))
                    .withRevision(o == null ? null : kustomization ? Obj.str(o, "status", "lastAppliedRevision")
                            : Obj.str(o, "status", "artifact", "revision"))
                    .withSuspended(o != null && Obj.flag(o, "spec", "suspend"));
        }

        ObjectStatus packageInstall(String stage, StagePin pin, boolean applied) {
            String label = "run cluster of stage " + stage;
            ObjectRef ref = new ObjectRef(KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", pin.namespace(),
                    pin.packageInstall());
            KubeconfigAuth kubeconfig = request.kubeconfigs().get(stage);
            ClusterAccess run;
            try {
                if (kubeconfig == null) {
                    if (!request.kubeconfigFromSecret()) {
                        return ObjectStatus.unknown(label, ref.kind(), ref.namespace(), ref.name(), "no kubeconfig "
                                + "for the run cluster of stage " + stage + ": give the stage's kubeconfig, or allow "
                                + "reading its Secret from the build cluster");
                    }
                    String down = unreachable.get(request.buildCluster().fingerprint());
                    if (down != null) {
                        return ObjectStatus.unknown(label, ref.kind(), ref.namespace(), ref.name(), label
                                + ": its kubeconfig Secret " + stage + "-kubeconfig could not be read: " + down);
                    }
                    kubeconfig = KubeconfigSecrets.read(build(), request.config().flux().namespace(), stage);
                }
                run = clients.cluster(kubeconfig, label);
            } catch (ClusterException e) {
                return ObjectStatus.unknown(label, ref.kind(), ref.namespace(), ref.name(), e.getMessage());
            }
            Read read = get(run, label, kubeconfig.fingerprint(), ref);
            if (read.error() != null) {
                return ObjectStatus.unknown(label, ref.kind(), ref.namespace(), ref.name(), read.error());
            }
            Map<String, Object> o = read.object();
            Readiness r = ReadinessRules.evaluate(o, new Expectation.PackageVersion(stage, ref, pin.version(), applied),
                    request.history());
            return ObjectStatus.judged(label, ref.kind(), ref.namespace(), ref.name(), r.state().asResultState(), r.seen(),
                            r.message())
                    .withCondition(o == null ? null : holdingCondition(o), null)
                    .withVersion(o == null ? null : Obj.str(o, "status", "version"))
                    .withSuspended(o != null && (Obj.flag(o, "spec", "paused") || Obj.flag(o, "spec", "canceled")));
        }

        /**
         * Reads one object, unless its cluster already failed a read: then the row says so in its own
         * words (its cluster's label, its object), with the reason of the failed read.
         */
        private Read get(ClusterAccess cluster, String label, String clusterId, ObjectRef ref) {
            String down = unreachable.get(clusterId);
            if (down != null) {
                return new Read(null, label + ": " + ref.kind() + " " + ref.namespace() + "/" + ref.name()
                        + " not read: the cluster did not answer an earlier request (" + down + ")");
            }
            try {
                return new Read(cluster.get(ref).orElse(null), null);
            } catch (ClusterException e) {
                unreachable.put(clusterId, e.reason());
                return new Read(null, e.getMessage());
            }
        }
    }

    /** An object as read (null when it does not exist), or why its cluster could not be read. */
    private record Read(Map<String, Object> object, String error) {
    }

    private static String holdingCondition(Map<String, Object> pkgi) {
        for (String type : List.of("ReconcileFailed", "DeleteFailed", "ReconcileSucceeded", "Reconciling",
                "Deleting")) {
            if (Obj.isTrue(Obj.condition(pkgi, type))) {
                return type;
            }
        }
        return null;
    }
}
