package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.nio.file.Path;

/** Opens the repository a config names: a local folder (resolved against {@code baseDir}) or a remote. */
public final class GitopsRepositories {

    private GitopsRepositories() {
    }

    /** A local folder, or a remote with no credentials and the cache under the user's home folder. */
    public static GitopsRepository open(GitopsConfig config, Path baseDir, ProgressListener listener) {
        return open(config, baseDir, RemoteOptions.defaults(RemoteOptions.defaultCacheRoot(
                Path.of(System.getProperty("user.home")))), listener);
    }

    /**
     * A local folder (the embedded default), or for an https, ssh or file:// URL a remote published to
     * through a cached clone with {@link JGitRemote}.
     */
    public static GitopsRepository open(GitopsConfig config, Path baseDir, RemoteOptions remote,
            ProgressListener listener) {
        if (config.repository().isLocalPath()) {
            Path folder = baseDir.resolve(config.repository().url()).normalize();
            return new LocalGitopsRepository(folder, config.repository().branch(), config.commit(), listener);
        }
        String url = config.repository().url();
        String branch = config.repository().branch();
        return new RemoteGitopsRepository(() -> JGitRemote.open(url, branch, remote, config.commit(), listener),
                remote.retry(), listener);
    }
}
