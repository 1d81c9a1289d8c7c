package io.jenkins.plugins.carvelgitops.e2e;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.carvelgitops.cli.Main;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeKinds;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.KappSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * One package delivered through the real control plane, with names of its own so tests sharing a control
 * plane never see each other's objects: package {@code app<n>.default.tap}, Flux namespace {@code flux-<n>}
 * on the build cluster, stage {@code prod} in namespace {@code apps-<n>} on the run cluster, GitOps
 * repository {@code gitops-<n>.git} on the Git server. The commands run in-process, as the CLI's own tests
 * run them; the kapp simulator stands in for kapp-controller as a client of the run cluster's API server.
 */
final class Delivery implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    final ControlPlane plane;
    final FluxGeneration generation;
    final int n = NEXT.incrementAndGet();
    final String pkg = "app" + n + ".default.tap";
    final String fluxNamespace = "flux-" + n;
    final String appNamespace = "apps-" + n;
    final Path dir;
    final Path config;
    final Path packageFile;
    final Path tokenFile;
    final Path buildKubeconfig;
    final Path runKubeconfig;
    final BareRemote remote;
    final KappSimulator kapp;

    Delivery(ControlPlane plane, FluxGeneration generation, Path dir) throws Exception {
        this.plane = plane;
        this.generation = generation;
        this.dir = dir;
        remote = BareRemote.create(plane.gitRoot().resolve("gitops-" + n + ".git"), "main");
        tokenFile = Files.writeString(dir.resolve("token"), plane.gitToken() + "\n");
        Files.setPosixFilePermissions(tokenFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        // Flux's own namespace exists wherever Flux is installed; bootstrap does not create it.
        plane.build().client().namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(fluxNamespace).endMetadata().build()).create();
        buildKubeconfig = Files.writeString(dir.resolve("build.kubeconfig"), plane.build().kubeconfig());
        runKubeconfig = Files.writeString(dir.resolve("run.kubeconfig"), plane.run().kubeconfig());
        // Intervals are shortened only through the objects' own fields, as a user could.
        config = Files.writeString(dir.resolve("carvel-gitops.yaml"), """
                package: %s
                install: app
                repository: {url: %s, branch: main}
                flux: {apiVersion: %s, namespace: %s, sourceInterval: 1m, interval: 1m}
                stages:
                  - {name: prod, namespace: %s, serviceAccount: app-installer}
                """.formatted(pkg, plane.git().url("gitops-" + n + ".git"), generation.apiVersion(), fluxNamespace,
                appNamespace));
        packageFile = Files.writeString(dir.resolve("package.yaml"), """
                apiVersion: data.packaging.carvel.dev/v1alpha1
                kind: Package
                metadata:
                  name: %s.1.2.3
                spec:
                  refName: %s
                  version: 1.2.3
                  template:
                    spec:
                      fetch:
                      - imgpkgBundle:
                          image: registry.example.com/app@sha256:0b0f9e3c2d1a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f
                      template:
                      - ytt: {paths: [.]}
                      deploy:
                      - kapp: {}
                """.formatted(pkg, pkg));
        kapp = new KappSimulator(plane.run().client(), appNamespace).start();
    }

    Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    Run bootstrap(String... extra) {
        List<String> args = new ArrayList<>(List.of("bootstrap", "--config", config.toString(), "--kubeconfig",
                buildKubeconfig.toString(), "--stage-kubeconfig", "prod=" + runKubeconfig, "--username",
                ControlPlane.GIT_USER, "--token-file", tokenFile.toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    Run render() {
        return cli("render", "--config", config.toString(), "--package", packageFile.toString(), "--username",
                ControlPlane.GIT_USER, "--token-file", tokenFile.toString(), "--cache-dir", dir.resolve("cache")
                        .toString());
    }

    Run verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--config", config.toString(), "--kubeconfig",
                buildKubeconfig.toString(), "--stage-kubeconfig", "prod=" + runKubeconfig, "--username",
                ControlPlane.GIT_USER, "--token-file", tokenFile.toString(), "--cache-dir", dir.resolve("cache")
                        .toString(), "--timeout", "4m"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    Run status() {
        return cli("status", "--config", config.toString(), "--kubeconfig", buildKubeconfig.toString(),
                "--stage-kubeconfig", "prod=" + runKubeconfig, "--username", ControlPlane.GIT_USER, "--token-file",
                tokenFile.toString(), "--cache-dir", dir.resolve("cache").toString(), "--output", "json");
    }

    /** Someone else's commit on the branch: a file outside everything Flux applies, or {@code path} if given. */
    String pushOtherCommit(String path, String content) throws Exception {
        Path clone = Files.createTempDirectory(dir, "other-");
        var credentials = new UsernamePasswordCredentialsProvider(ControlPlane.GIT_USER, plane.gitToken());
        try (Git git = Git.cloneRepository().setURI(plane.git().url("gitops-" + n + ".git")).setDirectory(clone.toFile())
                .setCredentialsProvider(credentials).call()) {
            Path file = clone.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            git.add().addFilepattern(path).call();
            PersonIdent who = new PersonIdent("someone else", "other@example.invalid");
            String sha = git.commit().setMessage("unrelated change").setAuthor(who).setCommitter(who).setSign(false)
                    .call().name();
            git.push().setCredentialsProvider(credentials).call();
            return sha;
        }
    }

    String head() throws IOException {
        return remote.head();
    }

    String kustomization(String stagePart) {
        return pkg + "-prod-" + stagePart;
    }

    String gitRepository() {
        return pkg + "-gitops-repo";
    }

    GenericKubernetesResource buildObject(String kind, String name) {
        String api = (kind.equals("GitRepository") ? "source.toolkit.fluxcd.io/" : "kustomize.toolkit.fluxcd.io/")
                + generation.apiVersion();
        return get(plane.build().client(), api, kind, fluxNamespace, name);
    }

    GenericKubernetesResource packageInstall() {
        return get(plane.run().client(), KubeKinds.PACKAGE_INSTALL_API, "PackageInstall", appNamespace, "app");
    }

    static GenericKubernetesResource get(KubernetesClient client, String apiVersion, String kind, String namespace,
            String name) {
        ResourceDefinitionContext context = kind.equals("Package") ? new ResourceDefinitionContext.Builder()
                .withGroup("data.packaging.carvel.dev").withVersion("v1alpha1").withKind("Package")
                .withPlural("packages").withNamespaced(true).build() : KubeKinds.context(apiVersion, kind);
        return client.genericKubernetesResources(context).inNamespace(namespace).withName(name).get();
    }

    @Override
    public void close() {
        kapp.close();
    }
}
