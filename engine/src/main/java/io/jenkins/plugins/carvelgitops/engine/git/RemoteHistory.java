package io.jenkins.plugins.carvelgitops.engine.git;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The history of a remote GitOps repository, read from the same cached clone publishing uses. It starts
 * from the branch head alone (depth 1, as publishing leaves it) and fetches the whole history only when
 * a question needs it: a commit the head does not answer for, or an ancestry the head alone cannot
 * decide. Someone may push after we looked: when Flux reports a commit the clone does not have yet, it
 * is fetched again (at most once per {@link #REFETCH_EVERY}) before deciding.
 */
public final class RemoteHistory implements GitopsHistory {

    static final Duration REFETCH_EVERY = Duration.ofSeconds(2);

    private final Supplier<? extends GitRemote> headSessions;
    private final Supplier<? extends GitRemote> wholeSessions;
    private final Duration refetchEvery;
    private JGitHistory clone;
    private String head;
    private boolean whole;
    private long lastFetch;

    /** Fetches the branch now; {@code sessions} opens the cached clone (with full history) exclusively. */
    public RemoteHistory(Supplier<? extends GitRemote> sessions) {
        this(sessions, sessions, REFETCH_EVERY);
    }

    /**
     * Fetches the branch head now, its history only when needed.
     *
     * @param headSessions  opens the cached clone exclusively, fetching the branch head at depth 1
     * @param wholeSessions opens it fetching the branch's whole history
     */
    public RemoteHistory(Supplier<? extends GitRemote> headSessions, Supplier<? extends GitRemote> wholeSessions) {
        this(headSessions, wholeSessions, REFETCH_EVERY);
    }

    RemoteHistory(Supplier<? extends GitRemote> headSessions, Supplier<? extends GitRemote> wholeSessions,
            Duration refetchEvery) {
        this.headSessions = headSessions;
        this.wholeSessions = wholeSessions;
        this.refetchEvery = refetchEvery;
        this.whole = headSessions == wholeSessions;
        fetch();
    }

    RemoteHistory(Supplier<? extends GitRemote> sessions, Duration refetchEvery) {
        this(sessions, sessions, refetchEvery);
    }

    private synchronized void fetch() {
        try (GitRemote remote = (whole ? wholeSessions : headSessions).get()) {
            head = remote.sync();
            clone = new JGitHistory(remote.workTree());
        }
        lastFetch = System.nanoTime();
    }

    /** The whole history from now on (once): the head alone cannot answer. */
    private synchronized JGitHistory deepened() {
        if (!whole && clone.isShallow()) {
            whole = true;
            fetch();
        }
        return clone;
    }

    private synchronized JGitHistory with(String sha) {
        return with(sha, true);
    }

    /** The clone, fetched again when it lacks {@code sha}, and with {@code deepen} its whole history if still. */
    private synchronized JGitHistory with(String sha, boolean deepen) {
        if (sha != null && !clone.has(sha) && System.nanoTime() - lastFetch >= refetchEvery.toNanos()) {
            fetch();
        }
        if (deepen && sha != null && !clone.has(sha)) {
            return deepened();
        }
        return clone;
    }

    /**
     * From the head alone when it decides: a commit is its own ancestor, nothing on the branch but the head
     * (after a fetch for a commit not seen yet) descends from the head, and a walk that finds the ancestor
     * is proof. Anything else is walked in the whole history.
     */
    @Override
    public synchronized boolean isAncestor(String ancestorSha, String descendantSha) {
        if (ancestorSha == null || descendantSha == null) {
            return false;
        }
        if (ancestorSha.equalsIgnoreCase(descendantSha)) {
            return true;
        }
        JGitHistory c = with(descendantSha, false);
        if (ancestorSha.equalsIgnoreCase(head)) {
            return false;
        }
        if (c.isAncestor(ancestorSha, descendantSha)) {
            return true;
        }
        return c.isShallow() && deepened().isAncestor(ancestorSha, descendantSha);
    }

    @Override
    public synchronized Optional<String> head(String branch) {
        return clone.head(branch);
    }

    @Override
    public synchronized Optional<String> read(String sha, String path) {
        return with(sha).read(sha, path);
    }

    @Override
    public synchronized List<String> list(String sha, String folder) {
        return with(sha).list(sha, folder);
    }

    /**
     * Looks in the clone, and when nothing there starts with the prefix, in a fresh fetch (at most once per
     * interval), then in the whole history.
     */
    @Override
    public synchronized List<String> commitsStartingWith(String prefix) {
        List<String> found = clone.commitsStartingWith(prefix);
        if (found.isEmpty() && System.nanoTime() - lastFetch >= refetchEvery.toNanos()) {
            fetch();
            found = clone.commitsStartingWith(prefix);
        }
        if (found.isEmpty() && clone.isShallow()) {
            found = deepened().commitsStartingWith(prefix);
        }
        return found;
    }
}
