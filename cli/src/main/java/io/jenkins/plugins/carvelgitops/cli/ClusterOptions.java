package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that need clusters: the build cluster's kubeconfig (required) and each stage's. */
final class ClusterOptions extends RunClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE", required = true,
            description = "The build cluster's kubeconfig (the one Flux runs on).")
    Path kubeconfig;

    KubeconfigAuth buildCluster() {
        return read(kubeconfig, "--kubeconfig");
    }
}
