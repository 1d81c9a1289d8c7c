package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The history of a remote GitOps repository, read from the same cached clone publishing uses (fetched
 * with full history). Someone may push after we looked: when Flux reports a commit the clone does not
 * have yet, it is fetched again (at most once per {@link #REFETCH_EVERY}) before deciding.
 */
public final class RemoteHistory implements GitopsHistory {

    static final Duration REFETCH_EVERY = Duration.ofSeconds(2);

    private final Supplier<? extends GitRemote> sessions;
    private final Duration refetchEvery;
    private JGitHistory clone;
    private long lastFetch;

    /** Fetches the branch now; {@code sessions} opens the cached clone (with full history) exclusively. */
    public RemoteHistory(Supplier<? extends GitRemote> sessions) {
        this(sessions, REFETCH_EVERY);
    }

    RemoteHistory(Supplier<? extends GitRemote> sessions, Duration refetchEvery) {
        this.sessions = sessions;
        this.refetchEvery = refetchEvery;
        fetch();
    }

    private synchronized void fetch() {
        try (GitRemote remote = sessions.get()) {
            remote.sync();
            clone = new JGitHistory(remote.workTree());
        }
        lastFetch = System.nanoTime();
    }

    private synchronized JGitHistory with(String sha) {
        if (sha != null && !clone.has(sha) && System.nanoTime() - lastFetch >= refetchEvery.toNanos()) {
            fetch();
        }
        return clone;
    }

    @Override
    public boolean isAncestor(String ancestorSha, String descendantSha) {
        return with(descendantSha).isAncestor(ancestorSha, descendantSha);
    }

    @Override
    public Optional<String> head(String branch) {
        return clone.head(branch);
    }

    @Override
    public Optional<String> read(String sha, String path) {
        return with(sha).read(sha, path);
    }

    @Override
    public List<String> list(String sha, String folder) {
        return with(sha).list(sha, folder);
    }

    /** Looks in the clone, and when nothing there starts with the prefix, in a fresh fetch (at most once per interval). */
    @Override
    public synchronized List<String> commitsStartingWith(String prefix) {
        List<String> found = clone.commitsStartingWith(prefix);
        if (found.isEmpty() && System.nanoTime() - lastFetch >= refetchEvery.toNanos()) {
            fetch();
            found = clone.commitsStartingWith(prefix);
        }
        return found;
    }
}
