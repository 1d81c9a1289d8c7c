package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.JGitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeconfigAuth;
import io.jenkins.plugins.carvelgitops.engine.model.InputFiles;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options of the commands that read clusters: each stage's run-cluster kubeconfig, whether to read it from
 * the build cluster instead, and where the GitOps history is. {@link ClusterOptions} adds the build
 * cluster's kubeconfig as a required option; a command for which it is optional declares its own.
 */
class RunClusterOptions {

    @Option(names = "--stage-kubeconfig", paramLabel = "NAME=FILE",
            description = "A stage's run-cluster kubeconfig (repeatable).")
    List<String> stageKubeconfigs = new ArrayList<>();

    @Option(names = "--kubeconfig-secrets",
            description = "For stages without --stage-kubeconfig, read the <stage>-kubeconfig Secret from the build "
                    + "cluster (needs read access to Secrets in flux.namespace).")
    boolean kubeconfigSecrets;

    @Option(names = "--gitops-dir", paramLabel = "DIR",
            description = {"A local clone of the GitOps repository to read revisions and history from",
                    "(default: repository.url when local)."})
    Path gitopsDir;

    Map<String, KubeconfigAuth> stageKubeconfigs() {
        Map<String, KubeconfigAuth> map = new LinkedHashMap<>();
        for (String pair : stageKubeconfigs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw ValidationException.of("--stage-kubeconfig", pair, "is not NAME=FILE",
                        "write it like prod=/path/to/prod.kubeconfig");
            }
            map.put(pair.substring(0, eq), read(Path.of(pair.substring(eq + 1)), "--stage-kubeconfig "
                    + pair.substring(0, eq)));
        }
        return map;
    }

    GitopsHistory history(GitopsConfig config, Path configFile) {
        return history(config, configFile, null, ProgressListener.NONE);
    }

    /**
     * Where revisions and history are read: {@code --gitops-dir}, the local repository, or, for a remote
     * one, the cached clone when {@code remote} options are given: its branch head, and its whole history
     * once a question needs it.
     */
    GitopsHistory history(GitopsConfig config, Path configFile, RemoteOptions remote, ProgressListener listener) {
        if (gitopsDir != null) {
            return GitopsHistories.open(gitopsDir);
        }
        if (!config.repository().isLocalPath() && remote == null) {
            throw ValidationException.of(config.source(), "repository.url", "is a remote repository; this command "
                    + "reads revisions and history from a local clone", "clone it and pass --gitops-dir DIR");
        }
        if (remote == null) {
            return GitopsHistories.open(config, configFile, null);
        }
        return GitopsHistories.open(config, configFile, () -> session(config, remote.withShallow(true), listener),
                () -> session(config, remote.withShallow(false), listener));
    }

    private static GitRemote session(GitopsConfig config, RemoteOptions options, ProgressListener listener) {
        return JGitRemote.open(config.repository().url(), config.repository().branch(), options, config.commit(),
                listener);
    }

    /** Reads a kubeconfig file; errors name the option and the file, never the content. */
    static KubeconfigAuth read(Path file, String option) {
        String content = new String(InputFiles.read(file, option, file.toString(), SafeYaml.MAX_FILE_BYTES),
                StandardCharsets.UTF_8);
        if (content.isBlank()) {
            throw ValidationException.of(option, file.toString(), "is empty", "give a kubeconfig file");
        }
        return new KubeconfigAuth(content);
    }
}
