package io.jenkins.plugins.carvelgitops.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A local GitOps repository of {@code app.default.tap} as render leaves it for status and verify: one
 * {@code <stage>/packageinstall.yaml} per stage pinning a version, committed on {@code main}. Test-only.
 */
public final class StatusRepository {

    private StatusRepository() {
    }

    /**
     * The config of this repository: {@code app.default.tap} in {@code ./gitops}, Flux in {@code build-ns},
     * stages staging, qa and prod (after dev with {@code withDev}), all in {@code apps}.
     */
    public static String configYaml(boolean withDev) {
        return """
                package: app.default.tap
                install: app
                repository: {url: ./gitops, branch: main}
                flux: {apiVersion: v1, namespace: build-ns, url: https://git.example.com/acme/gitops.git}
                stages:
                """ + (withDev ? "  - {name: dev, namespace: apps, serviceAccount: app-installer}\n" : "") + """
                  - {name: staging, namespace: apps, serviceAccount: app-installer}
                  - {name: qa, namespace: apps, serviceAccount: app-installer}
                  - {name: prod, namespace: apps, serviceAccount: app-installer}
                """;
    }

    /** The PackageInstall of {@code app} in {@code apps} pinning {@code constraints}. */
    public static String packageInstall(String constraints) {
        return """
                apiVersion: packaging.carvel.dev/v1alpha1
                kind: PackageInstall
                metadata: {name: app, namespace: apps}
                spec:
                  serviceAccountName: app-installer
                  packageRef: {refName: app.default.tap, versionSelection: {constraints: %s}}
                """.formatted(constraints);
    }

    /**
     * Writes the PackageInstall of each stage of {@code constraints} and commits everything on {@code main}
     * (creating the repository on the first call); returns the commit.
     *
     * @param at the commit's time, for a commit whose SHA a golden file holds; null for now
     */
    public static String deliver(Path repo, Map<String, String> constraints, String message, Instant at)
            throws Exception {
        for (Map.Entry<String, String> e : constraints.entrySet()) {
            Path pkgi = repo.resolve("app.default.tap/" + e.getKey() + "/packageinstall.yaml");
            Files.createDirectories(pkgi.getParent());
            Files.writeString(pkgi, packageInstall(e.getValue()));
        }
        try (Git git = Files.isDirectory(repo.resolve(".git")) ? Git.open(repo.toFile())
                : Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = at == null ? new PersonIdent("t", "t@example.invalid")
                    : new PersonIdent("t", "t@example.invalid", at, ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().name();
        }
    }
}
