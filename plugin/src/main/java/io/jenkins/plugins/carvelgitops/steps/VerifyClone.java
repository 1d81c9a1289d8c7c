package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one Git session a verify reads a remote repository's history through: opened on first use (a local
 * repository needs none), fetched again in the same folder whenever the engine's history asks, and closed,
 * which deletes its scratch folder, only when the verify ends. The engine's
 * {@link io.jenkins.plugins.carvelgitops.engine.git.RemoteHistory} closes each session it is handed after
 * fetching; the sessions handed out here ignore that.
 */
final class VerifyClone implements Supplier<GitRemote>, AutoCloseable {

    private final Supplier<? extends GitRemote> open;
    private GitRemote session;

    /** @param open opens the full-history session ({@link GitClientRemote#openFullHistory}) */
    VerifyClone(Supplier<? extends GitRemote> open) {
        this.open = open;
    }

    @Override
    public synchronized GitRemote get() {
        if (session == null) {
            session = open.get();
        }
        return new Kept(session);
    }

    /** Ends the session: its folder, the whole fetched history, is deleted. */
    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The session, with {@link #close} left to the {@link VerifyClone}. */
    private record Kept(GitRemote session) implements GitRemote {

        @Override
        public String describe() {
            return session.describe();
        }

        @Override
        public String sync() {
            return session.sync();
        }

        @Override
        public Path workTree() {
            return session.workTree();
        }

        @Override
        public String commit(List<io.jenkins.plugins.carvelgitops.engine.git.FileChange> changes, String message) {
            throw new UnsupportedOperationException("a verify only reads the repository");
        }

        @Override
        public PushStatus push(String commit) {
            throw new UnsupportedOperationException("a verify only reads the repository");
        }

        @Override
        public void close() {
            // the verify closes the session when it ends
        }
    }
}
