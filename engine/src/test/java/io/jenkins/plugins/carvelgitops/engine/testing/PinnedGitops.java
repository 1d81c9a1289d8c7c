package io.jenkins.plugins.carvelgitops.engine.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A GitOps repository in a local folder, as render leaves it for {@link SimulatedDelivery}'s package
 * ({@value SimulatedDelivery#PACKAGE}): one commit on {@code main} whose {@code packageinstall.yaml} pins
 * a version for each stage. Test-only.
 */
public final class PinnedGitops {

    private PinnedGitops() {
    }

    /** Writes and commits the stages' PackageInstalls pinning {@code version}; returns the commit SHA. */
    public static String commit(Path repo, String version, List<String> stages) throws Exception {
        for (String stage : stages) {
            Path pkgi = repo.resolve(SimulatedDelivery.PACKAGE + "/" + stage + "/packageinstall.yaml");
            Files.createDirectories(pkgi.getParent());
            Files.writeString(pkgi, """
                    apiVersion: packaging.carvel.dev/v1alpha1
                    kind: PackageInstall
                    metadata: {name: %s, namespace: %s}
                    spec:
                      serviceAccountName: app-installer
                      packageRef: {refName: %s, versionSelection: {constraints: %s}}
                    """.formatted(SimulatedDelivery.INSTALL, SimulatedDelivery.APP_NS, SimulatedDelivery.PACKAGE,
                    version));
        }
        try (Git git = Files.isDirectory(repo.resolve(".git")) ? Git.open(repo.toFile())
                : Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("t", "t@example.invalid");
            return git.commit().setMessage("deliver " + version).setAuthor(who).setCommitter(who).setSign(false)
                    .call().name();
        }
    }
}
