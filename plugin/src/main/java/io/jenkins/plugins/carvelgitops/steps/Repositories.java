package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepositories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.nio.file.Path;

/**
 * Opens the GitOps repository a config names, on the agent: a local folder through the engine, a
 * remote through git-client with the build's credential.
 */
final class Repositories {

    private Repositories() {
    }

    static GitopsRepository open(GitopsConfig config, Path configFile, StandardUsernamePasswordCredentials credential,
            GitSettings git, TaskListener listener, ProgressListener progress) {
        Path base = configFile.toAbsolutePath().getParent();
        return GitopsRepositories.open(config, base, progress);
    }
}
