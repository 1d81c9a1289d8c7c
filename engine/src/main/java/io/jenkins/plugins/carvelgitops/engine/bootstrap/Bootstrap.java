package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.layout.FluxNames;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.SecretManifest;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.render.ClusterObjects;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bootstrap}: server-side apply (field manager {@value ClusterAccess#FIELD_MANAGER}, idempotent)
 * of what Flux and the run clusters need before the first delivery. On the build cluster, in this
 * order: the git auth Secret {@code <package>-gitops-auth}, a {@code <stage>-kubeconfig} Secret per
 * stage (key {@code value.yaml}), the GitRepository, the Kustomizations. On each run cluster: the
 * Namespace, ServiceAccount, Roles and RoleBindings, then the {@code <install>-secret-values} Secret of a
 * stage that declares {@code secretValues}. Secret data exists only in memory and on the
 * clusters; a dry run prints it redacted.
 */
public final class Bootstrap {

    public static final String REDACTED = "<redacted>";

    private final KubeClients clients;
    private final ProgressListener listener;

    public Bootstrap(KubeClients clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    /** One object of the plan: where it goes and what it is. */
    public record Planned(String cluster, String stage, Manifest manifest) {
    }

    /**
     * @param planned the objects, in apply order (Secret data redacted)
     * @param applied what each apply did, in the same order (empty for a dry run)
     * @param dryRun  true when nothing was applied on purpose
     */
    public record Result(List<Planned> planned, List<ClusterAccess.Applied> applied, List<String> warnings,
            boolean dryRun) {
        public Result {
            planned = List.copyOf(planned);
            applied = List.copyOf(applied);
            warnings = List.copyOf(warnings);
        }

        /**
         * dryRun, objects (cluster, object as {@code Kind/namespace/name}, result: {@code created},
         * {@code configured}, {@code unchanged}, or {@code planned} for a dry run) and warnings.
         */
        public Document toDocument() {
            List<Document> objects = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                Planned p = planned.get(i);
                objects.add(new Document().put("cluster", p.cluster()).put("object", p.manifest().ref())
                        .put("result", dryRun ? "planned" : applied.get(i).outcome().name().toLowerCase(Locale.ROOT)));
            }
            return new Document().put("dryRun", dryRun).put("objects", objects).put("warnings", warnings);
        }
    }

    public Result run(BootstrapRequest request) {
        GitopsConfig config = request.config();
        ClusterObjects objects = ClusterObjects.of(config, request.stages());
        List<String> warnings = new ArrayList<>();
        if (objects.buildCluster().isEmpty()) {
            throw ValidationException.of(config.source(), "flux.url", "Flux cannot clone '" + config.fluxSourceUrl()
                    + "' (only http(s) and ssh)", "set flux.url to the URL Flux should clone");
        }
        String ns = config.flux().namespace();
        List<Planned> plan = new ArrayList<>();
        List<Manifest> secrets = new ArrayList<>();
        if (request.git() != null) {
            secrets.add(secret(FluxNames.gitAuthSecret(config.packageName()), ns, Map.of(
                    "username", request.git().username(), "password", request.git().token())));
        } else {
            warnings.add("no Git credential given: Secret " + ns + "/" + FluxNames.gitAuthSecret(config.packageName())
                    + " left as it is");
        }
        for (String stage : objects.runClusters().keySet()) {
            KubeconfigAuth kubeconfig = request.stageKubeconfigs().get(stage);
            if (kubeconfig == null) {
                warnings.add("no kubeconfig for stage " + stage + ": Secret " + ns + "/"
                        + FluxNames.kubeconfigSecret(stage) + ", the run-cluster RBAC"
                        + (config.stage(stage).map(StageSpec::hasSecretValues).orElse(false)
                                ? " and the secret values" : "") + " not applied");
                continue;
            }
            secrets.add(secret(FluxNames.kubeconfigSecret(stage), ns, Map.of("value.yaml", kubeconfig.content())));
        }
        List<StageSpec> withKubeconfig = objects.runClusters().keySet().stream()
                .filter(request.stageKubeconfigs()::containsKey).map(s -> config.stage(s).orElseThrow()).toList();
        Map<String, Manifest> secretValues = SecretValuesPlan.plan(config, withKubeconfig, request.secretValues(),
                request.pkg());
        secrets.forEach(s -> plan.add(new Planned("build cluster", "", s)));
        objects.buildCluster().forEach(m -> plan.add(new Planned("build cluster", "", m)));
        objects.runClusters().forEach((stage, list) -> {
            if (request.stageKubeconfigs().containsKey(stage)) {
                list.forEach(m -> plan.add(new Planned("run cluster of stage " + stage, stage, m)));
                if (secretValues.containsKey(stage)) {
                    plan.add(new Planned("run cluster of stage " + stage, stage, secretValues.get(stage)));
                }
            }
        });
        warnings.forEach(listener::warning);
        List<Planned> shown = plan.stream().map(p -> new Planned(p.cluster(), p.stage(), redacted(p.manifest())))
                .toList();
        if (request.dryRun()) {
            return new Result(shown, List.of(), warnings, true);
        }
        List<ClusterAccess.Applied> applied = new ArrayList<>();
        ClusterAccess build = clients.cluster(request.buildCluster(), "build cluster");
        for (Planned p : plan) {
            ClusterAccess cluster = p.stage().isEmpty() ? build
                    : clients.cluster(request.stageKubeconfigs().get(p.stage()), p.cluster());
            ClusterAccess.Applied a = cluster.apply(p.manifest());
            listener.action(p.cluster() + ": " + a.ref() + " " + a.outcome().name().toLowerCase(java.util.Locale.ROOT));
            applied.add(a);
        }
        return new Result(shown, applied, warnings, false);
    }

    static Manifest secret(String name, String namespace, Map<String, String> values) {
        return SecretManifest.opaqueData(name, namespace, values);
    }

    /** The manifest with every Secret value replaced, for output. */
    public static Manifest redacted(Manifest m) {
        if (!m.isSecret()) {
            return m;
        }
        Map<String, Object> body = new LinkedHashMap<>(m.body());
        for (String key : List.of("data", "stringData")) {
            if (body.get(key) instanceof Map<?, ?> values) {
                Map<String, Object> hidden = new LinkedHashMap<>();
                values.keySet().forEach(k -> hidden.put(String.valueOf(k), REDACTED));
                body.put(key, hidden);
            }
        }
        return new Manifest(m.apiVersion(), m.kind(), m.namespace(), m.name(), body);
    }
}
