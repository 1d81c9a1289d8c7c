package io.jenkins.plugins.carvelgitops.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.carvelgitops.engine.testing.GitHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything one Flux generation's tests run against, on 127.0.0.1: one etcd, the build cluster's and
 * the run cluster's kube-apiserver (their own etcd prefixes), the build cluster's
 * kube-controller-manager when it was built, the Flux CRDs of the running versions on the build
 * cluster and the kapp-controller CRDs on the run cluster, the real Flux controllers, and a smart-HTTP
 * Git server with basic auth. {@link #close()} stops all of it, in reverse order.
 */
public final class ControlPlane implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    public static final String GIT_USER = "flux";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Path dir;
    private KubeApiServer build;
    private KubeApiServer run;
    private GitHttpServer git;
    private String gitToken;
    private List<LocalProcess> controllers;

    private ControlPlane(Path dir) {
        this.dir = dir;
    }

    public static ControlPlane start(ControlPlaneBinaries binaries, FluxGeneration generation, Path dir) {
        ControlPlane plane = new ControlPlane(dir);
        try {
            plane.startAll(binaries, generation);
            return plane;
        } catch (RuntimeException | Error e) {
            plane.close();
            throw e;
        }
    }

    private void startAll(ControlPlaneBinaries binaries, FluxGeneration generation) {
        int client = Ports.free();
        int peer = Ports.free();
        String etcdUrl = "http://127.0.0.1:" + client;
        LocalProcess etcd = LocalProcess.start("etcd", List.of(binaries.etcd().toString(), "--name=e2e",
                "--data-dir=" + dir.resolve("etcd"), "--listen-client-urls=" + etcdUrl,
                "--advertise-client-urls=" + etcdUrl, "--listen-peer-urls=http://127.0.0.1:" + peer,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + peer,
                "--initial-cluster=e2e=http://127.0.0.1:" + peer, "--unsafe-no-fsync=true", "--log-level=warn"),
                dir.resolve("etcd.log"), Map.of());
        started.push(etcd);
        etcd.awaitReady(START_TIMEOUT, () -> Ports.answers(etcdUrl + "/health", null));

        KubeApiServer.Started b = KubeApiServer.start("build", binaries.kubeApiServer(), etcdUrl, dir.resolve("build"));
        started.push(b.process());
        KubeApiServer.Started r = KubeApiServer.start("run", binaries.kubeApiServer(), etcdUrl, dir.resolve("run"));
        started.push(r.process());
        build = b.awaitReady(START_TIMEOUT);
        started.push(build);
        run = r.awaitReady(START_TIMEOUT);
        started.push(run);
        binaries.controllerManager().ifPresent(kcm -> started.push(startControllerManager(kcm)));

        for (Path file : crdFiles(binaries.fluxCrds(generation))) {
            try (InputStream in = Files.newInputStream(file)) {
                installCrds(build.client(), build.client().load(in).items());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        try (InputStream in = ControlPlane.class.getResourceAsStream("/kapp-controller-crds.yaml")) {
            installCrds(run.client(), run.client().load(in).items());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        FluxControllers flux = FluxControllers.start(binaries, generation, build.kubeconfigFile(), dir.resolve("flux"),
                START_TIMEOUT);
        started.push(flux);
        controllers = flux.processes();

        gitToken = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
        try {
            Files.createDirectories(dir.resolve("git"));
            git = GitHttpServer.start(dir.resolve("git"), GIT_USER, gitToken);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Git server", e);
        }
        started.push(git);
    }

    /**
     * Namespace, garbage collector and service account controllers for the build cluster. Not waited for:
     * nothing the tests check depends on it, and without a client CA its health endpoint never comes up.
     */
    private LocalProcess startControllerManager(Path binary) {
        Path kubeconfig = build.kubeconfigFile();
        return LocalProcess.start("kube-controller-manager", List.of(binary.toString(),
                "--kubeconfig=" + kubeconfig, "--authentication-skip-lookup=true", "--leader-elect=false",
                "--controllers=namespace,garbagecollector,serviceaccount", "--bind-address=127.0.0.1",
                "--secure-port=" + Ports.free(), "--cert-dir=" + dir.resolve("kcm-certs")),
                dir.resolve("kube-controller-manager.log"), Map.of());
    }

    private static List<Path> crdFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the CRDs in " + folder, e);
        }
    }

    private static void installCrds(KubernetesClient client, List<HasMetadata> crds) {
        for (HasMetadata crd : crds) {
            client.resource(crd).fieldManager("carvel-gitops-e2e").forceConflicts().serverSideApply();
        }
        crds.forEach(crd -> awaitEstablished(client, crd.getMetadata().getName()));
    }

    private static void awaitEstablished(KubernetesClient client, String name) {
        client.resources(CustomResourceDefinition.class).withName(name).waitUntilCondition(crd -> crd != null
                && crd.getStatus() != null && crd.getStatus().getConditions() != null && crd.getStatus().getConditions()
                        .stream().anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())),
                60, TimeUnit.SECONDS);
    }

    /** The build cluster: Flux's objects and controllers. */
    public KubeApiServer build() {
        return build;
    }

    /** The run cluster: Packages and PackageInstalls, applied by the kustomize-controller through kubeConfig.secretRef. */
    public KubeApiServer run() {
        return run;
    }

    public GitHttpServer git() {
        return git;
    }

    /** The folder the Git server serves bare repositories from. */
    public Path gitRoot() {
        return dir.resolve("git");
    }

    /** The token of {@link #GIT_USER} on the Git server: the tests' personal access token. */
    public String gitToken() {
        return gitToken;
    }

    /** The running Flux controllers, to check they are still up and to show their logs on failure. */
    public List<LocalProcess> controllers() {
        return controllers;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping the control plane failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
