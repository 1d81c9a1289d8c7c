package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepositories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteGitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RetryPolicy;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.nio.file.Path;

/**
 * Opens the GitOps repository a config names, on the agent: a local folder through the engine, a
 * remote through git-client with the build's credential, published with the engine's
 * retry-on-rejected-push algorithm ({@link RemoteGitopsRepository}).
 */
final class Repositories {

    private Repositories() {
    }

    /**
     * @param configFile the config file (a local repository path is relative to its folder)
     * @param workspace  the workspace; remote working copies go to its {@code @tmp} sibling and are
     *                   deleted when the publish ends
     */
    static GitopsRepository open(GitopsConfig config, Path configFile, Path workspace,
            StandardUsernamePasswordCredentials credential, GitSettings git, TaskListener listener,
            ProgressListener progress) {
        if (config.repository().isLocalPath()) {
            return GitopsRepositories.open(config, configFile.toAbsolutePath().getParent(), progress);
        }
        String url = config.repository().url();
        String branch = config.repository().branch();
        Path scratch = scratchFolder(workspace);
        return new RemoteGitopsRepository(() -> GitClientRemote.open(url, branch, scratch, credential, config.commit(),
                git, listener, progress), RetryPolicy.DEFAULT, progress);
    }

    /** {@code <workspace>@tmp}, the folder Jenkins keeps beside a workspace for temporary files. */
    static Path scratchFolder(Path workspace) {
        Path abs = workspace.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "@tmp");
    }
}
