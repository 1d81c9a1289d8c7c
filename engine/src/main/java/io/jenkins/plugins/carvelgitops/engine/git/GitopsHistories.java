package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where verify and status read the GitOps repository's history, decided once for the CLI and the Jenkins
 * steps: a local {@code repository.url} is read in place (relative to the config file), a remote one
 * through a clone the caller's Git client fetches in full ({@link RemoteHistory}), fetched again when
 * Flux reports a commit the clone does not have yet.
 */
public final class GitopsHistories {

    private GitopsHistories() {
    }

    /**
     * @param configFile the config file, which a relative local {@code repository.url} is resolved against
     * @param sessions   opens a session on the remote branch with full history (exclusively, until closed);
     *                   only called for a remote repository, and then required
     */
    public static GitopsHistory open(GitopsConfig config, Path configFile, Supplier<? extends GitRemote> sessions) {
        if (config.repository().isLocalPath()) {
            return open(localFolder(config, configFile));
        }
        Objects.requireNonNull(sessions, "a remote GitOps repository needs a Git session to read its history");
        return new RemoteHistory(sessions);
    }

    /**
     * As {@link #open(GitopsConfig, Path, Supplier)}, but a remote repository's clone starts from the branch
     * head (depth 1) and fetches the whole history only when a question needs it ({@link RemoteHistory}).
     *
     * @param headSessions  opens a session fetching the branch head at depth 1
     * @param wholeSessions opens a session fetching the branch's whole history
     */
    public static GitopsHistory open(GitopsConfig config, Path configFile, Supplier<? extends GitRemote> headSessions,
            Supplier<? extends GitRemote> wholeSessions) {
        if (config.repository().isLocalPath()) {
            return open(localFolder(config, configFile));
        }
        Objects.requireNonNull(headSessions, "a remote GitOps repository needs a Git session to read its history");
        return new RemoteHistory(headSessions, wholeSessions);
    }

    /** The history of a repository on this machine: a working copy or a bare repository. */
    public static GitopsHistory open(Path folder) {
        return new JGitHistory(folder);
    }

    /** A local {@code repository.url}, resolved against the config file's folder. */
    public static Path localFolder(GitopsConfig config, Path configFile) {
        Path base = configFile.toAbsolutePath().getParent();
        return (base == null ? Path.of(".") : base).resolve(config.repository().url()).normalize();
    }
}
