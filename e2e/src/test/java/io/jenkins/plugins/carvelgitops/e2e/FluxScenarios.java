package io.jenkins.plugins.carvelgitops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bootstrap, render, verify and status against real kube-apiservers and the real Flux controllers of one
 * generation ({@link CurrentFluxIT}, {@link LegacyFluxIT}). Each test delivers its own package, so they
 * share one control plane.
 */
abstract class FluxScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Delivery delivery;

    abstract ControlPlaneExtension extension();

    Delivery delivery() throws Exception {
        delivery = new Delivery(extension().plane(), extension().generation(), dir);
        return delivery;
    }

    @AfterEach
    void stopSimulatorAndCheckControllers() {
        if (delivery != null) {
            delivery.close();
        }
        for (LocalProcess p : extension().plane().controllers()) {
            assertThat(p.alive()).as(p.name() + " is still running; its log ends:\n" + p.tail(20)).isTrue();
        }
    }

    /**
     * The artifact revision source-controller reports for {@code sha} on {@code main}: the same in both
     * generations, since source-controller v0.35 (Flux v0.40) writes {@code <branch>@sha1:<sha>} in v1beta2 too.
     */
    static String revision(String sha) {
        return "main@sha1:" + sha;
    }

    @Test
    void bootstrapAppliesServerSideAndASecondRunChangesNothing() throws Exception {
        Delivery d = delivery();
        Delivery.Run first = d.bootstrap();
        assertThat(first.code()).as(first.all()).isZero();
        Matcher applied = Pattern.compile("applied (\\d+) objects \\((\\d+) created or configured, 0 unchanged\\)")
                .matcher(first.out());
        assertThat(applied.find()).as(first.out()).isTrue();
        assertThat(applied.group(2)).isEqualTo(applied.group(1));

        Map<String, String> versions = resourceVersions(d);
        Delivery.Run second = d.bootstrap("--output", "json");
        assertThat(second.code()).as(second.all()).isZero();
        assertThat(resourceVersions(d)).as("a second server-side apply writes nothing").isEqualTo(versions);
        List<String> changed = new java.util.ArrayList<>();
        for (JsonNode o : JSON.readTree(second.out()).get("objects")) {
            if (!o.get("result").asText().equals("unchanged")) {
                changed.add(o.get("cluster").asText() + " " + o.get("object").asText() + " " + o.get("result").asText());
            }
        }
        assertThat(changed).as("objects a second bootstrap reports as changed").isEmpty();

        GenericKubernetesResource repo = d.buildObject("GitRepository", d.gitRepository());
        assertThat(repo.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager,
                ManagedFieldsEntry::getOperation).contains(org.assertj.core.groups.Tuple.tuple("carvel-gitops", "Apply"));
        var auth = d.plane.build().client().secrets().inNamespace(d.fluxNamespace).withName(d.pkg + "-gitops-auth").get();
        assertThat(new String(java.util.Base64.getDecoder().decode(auth.getData().get("username"))))
                .isEqualTo(ControlPlane.GIT_USER);
        assertThat(d.plane.build().client().secrets().inNamespace(d.fluxNamespace).withName("prod-kubeconfig").get()
                .getData()).containsKey("value.yaml");
        assertThat(first.all() + second.all()).doesNotContain(d.plane.gitToken());
    }

    /**
     * Generations of the Flux objects (their status moves with the controllers), resourceVersions of the Secrets
     * and of the run cluster's Namespace.
     */
    private static Map<String, String> resourceVersions(Delivery d) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("GitRepository", String.valueOf(d.buildObject("GitRepository", d.gitRepository()).getMetadata()
                .getGeneration()));
        for (String part : List.of("packages", "packageinstalls")) {
            versions.put(part, String.valueOf(d.buildObject("Kustomization", d.kustomization(part)).getMetadata()
                    .getGeneration()));
        }
        for (String secret : List.of(d.pkg + "-gitops-auth", "prod-kubeconfig")) {
            versions.put(secret, d.plane.build().client().secrets().inNamespace(d.fluxNamespace).withName(secret).get()
                    .getMetadata().getResourceVersion());
        }
        versions.put("run-cluster Namespace", d.plane.run().client().namespaces().withName(d.appNamespace).get()
                .getMetadata().getResourceVersion());
        return versions;
    }

    @Test
    void renderIsFetchedWithTheTokenAppliedToTheRunClusterAndVerifiedAtOurCommit() throws Exception {
        Delivery d = delivery();
        assertThat(d.bootstrap().code()).isZero();
        Delivery.Run render = d.render();
        assertThat(render.code()).as(render.all()).isZero();
        String sha = d.head();
        assertThat(render.out()).contains("committed " + Revisions.shortSha(sha));

        Delivery.Run verify = d.verify();
        assertThat(verify.code()).as(verify.all()).isZero();
        assertThat(verify.out()).startsWith("ready after ").contains("revision " + Revisions.shortSha(sha)
                + " is live on prod");
        assertThat(d.buildObject("GitRepository", d.gitRepository()).get("status", "artifact", "revision")
                .toString()).isEqualTo(revision(sha));
        assertThat(d.buildObject("Kustomization", d.kustomization("packageinstalls")).get("status",
                "lastAppliedRevision").toString()).isEqualTo(revision(sha));
        assertThat(d.plane.git().requests()).as("source-controller fetched with the token")
                .anyMatch(r -> r.startsWith("GET /git/gitops-" + d.n + ".git/info/refs?service=git-upload-pack auth=ok"));

        // Applied by the real kustomize-controller on the run cluster, through kubeConfig.secretRef.
        var run = d.plane.run().client();
        assertThat(Delivery.get(run, "data.packaging.carvel.dev/v1alpha1", "Package", d.appNamespace, d.pkg + ".1.2.3"))
                .isNotNull();
        assertThat(d.packageInstall().get("spec", "packageRef", "versionSelection", "constraints").toString())
                .isEqualTo("1.2.3");
        assertThat(run.secrets().inNamespace(d.appNamespace).withName("app-values").get()).isNotNull();

        // The real controllers saw our reconcile request.
        for (String[] o : new String[][] {{"GitRepository", d.gitRepository()},
                {"Kustomization", d.kustomization("packages")}, {"Kustomization", d.kustomization("packageinstalls")}}) {
            awaitHandled(d, o[0], o[1]);
        }

        // status reports what the API servers hold.
        Delivery.Run status = d.status();
        assertThat(status.code()).as(status.all()).isZero();
        JsonNode stage = JSON.readTree(status.out()).get("stages").get(0);
        assertThat(stage.get("state").asText()).isEqualTo("ready");
        assertThat(stage.get("liveVersion").asText()).isEqualTo(d.packageInstall().get("status", "version").toString());
        for (JsonNode k : stage.get("flux").get("kustomizations")) {
            GenericKubernetesResource live = d.buildObject("Kustomization", k.get("name").asText());
            assertThat(k.get("revision").asText()).isEqualTo(live.get("status", "lastAppliedRevision").toString());
            assertThat(k.get("state").asText()).isEqualTo("ready");
        }
        assertThat(stage.get("packageInstall").get("version").asText()).isEqualTo("1.2.3");

        // Someone else's later commit still counts: once Flux applied it, our commit is live.
        String later = d.pushOtherCommit("README.md", "unrelated\n");
        Delivery.Run head = d.verify();
        assertThat(head.code()).as(head.all()).isZero();
        assertThat(d.buildObject("Kustomization", d.kustomization("packageinstalls")).get("status",
                "lastAppliedRevision").toString()).isEqualTo(revision(later));
        Delivery.Run ours = d.verify("--revision", sha, "--no-reconcile");
        assertThat(ours.code()).as(ours.all()).isZero();
        assertThat(ours.out()).contains("revision " + Revisions.shortSha(sha) + " is live on prod");
    }

    private static void awaitHandled(Delivery d, String kind, String name) {
        String api = (kind.equals("GitRepository") ? "source.toolkit.fluxcd.io/" : "kustomize.toolkit.fluxcd.io/")
                + d.generation.apiVersion();
        d.plane.build().client().genericKubernetesResources(KubeKinds.context(api, kind)).inNamespace(d.fluxNamespace)
                .withName(name).waitUntilCondition(r -> {
                    String requested = r.getMetadata().getAnnotations() == null ? null
                            : r.getMetadata().getAnnotations().get("reconcile.fluxcd.io/requestedAt");
                    Object handled = r.get("status", "lastHandledReconcileAt");
                    return requested != null && requested.equals(handled);
                }, 60, TimeUnit.SECONDS);
    }

    @Test
    void aKustomizationThatCannotBuildFailsVerifyAtOnceWithTheControllersMessage() throws Exception {
        Delivery d = delivery();
        assertThat(d.bootstrap().code()).isZero();
        assertThat(d.render().code()).isZero();
        d.pushOtherCommit(d.pkg + "/prod/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - missing.yaml
                """);
        long start = System.nanoTime();
        Delivery.Run verify = d.verify();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(verify.code()).as(verify.all()).isEqualTo(4);
        String reported = d.buildObject("Kustomization", d.kustomization("packageinstalls")).getAdditionalProperties()
                .get("status").toString();
        assertThat(verify.out()).contains("missing.yaml");
        assertThat(reported).contains("missing.yaml");
        assertThat(seconds).as("verify ended on the failure, not the 4m timeout").isLessThan(200);
    }

    @Test
    void aSuspendedKustomizationFailsVerifyWithThatReason() throws Exception {
        Delivery d = delivery();
        assertThat(d.bootstrap().code()).isZero();
        assertThat(d.render().code()).isZero();
        String api = "kustomize.toolkit.fluxcd.io/" + d.generation.apiVersion();
        d.plane.build().client().genericKubernetesResources(KubeKinds.context(api, "Kustomization"))
                .inNamespace(d.fluxNamespace).withName(d.kustomization("packageinstalls"))
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":true}}");
        Delivery.Run verify = d.verify();
        assertThat(verify.code()).as(verify.all()).isEqualTo(4);
        assertThat(verify.out()).contains(d.kustomization("packageinstalls")).contains("suspended");
    }
}
