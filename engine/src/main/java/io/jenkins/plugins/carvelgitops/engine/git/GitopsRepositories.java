package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.nio.file.Path;

/** Opens the repository a config names: a local folder (resolved against {@code baseDir}) or a remote. */
public final class GitopsRepositories {

    private GitopsRepositories() {
    }

    public static GitopsRepository open(GitopsConfig config, Path baseDir, ProgressListener listener) {
        if (config.repository().isLocalPath()) {
            Path folder = baseDir.resolve(config.repository().url()).normalize();
            return new LocalGitopsRepository(folder, config.repository().branch(), config.commit(), listener);
        }
        throw new GitopsGitException("remote repositories are not supported yet: " + config.repository().url());
    }
}
