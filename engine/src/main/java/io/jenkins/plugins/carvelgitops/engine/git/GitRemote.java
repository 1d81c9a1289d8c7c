package io.jenkins.plugins.carvelgitops.engine.git;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The few Git operations a remote publish needs, over one working copy of one branch. The algorithm
 * that drives them (sync, plan, commit, push, and on a rejected push start again from the new head)
 * is {@link RemoteGitopsRepository}; implementations only move bytes. The engine's default is
 * {@link JGitRemote}; other hosts (a Jenkins agent with its own Git client) implement this port and
 * reuse the algorithm.
 *
 * <p>Implementations hold their working copy exclusively from creation until {@link #close()}.
 * Messages and exceptions never contain credentials.
 */
public interface GitRemote extends AutoCloseable {

    /** Outcome of a push that reached the server. */
    enum PushStatus {
        /** The branch now points at our commit. */
        PUSHED,
        /** Someone else moved the branch first (not a fast-forward, or the ref changed under us). */
        REJECTED
    }

    /** The remote and branch, for messages: the URL without any user info. */
    String describe();

    /**
     * Moves the branch and the index to the remote branch's head, fetching no more history than needed.
     * The working copy may hold that head's files (a checkout) or only what earlier changes wrote
     * (the engine's own client); the plan never reads it, and {@link #prepare} readies a change's paths.
     *
     * @return the head commit, or null when the branch does not exist on the remote yet
     */
    String sync();

    /** The top folder of the working copy, holding {@code .git}. */
    Path workTree();

    /**
     * Readies the working copy for writing {@code paths} on the synced head, whose tree has already
     * been checked for them: removes what an older run left in their way when {@link #sync()} does
     * not check out the head. Nothing to do after a full checkout (the default).
     */
    default void prepare(Collection<String> paths) {
    }

    /**
     * Commits the listed paths (already written to the working copy) on top of the synced head.
     *
     * @return the new commit
     */
    String commit(List<FileChange> changes, String message);

    /**
     * Pushes the committed head to the branch, as a fast-forward only.
     *
     * @throws GitopsGitException for anything but a rejection: authentication, network, a server hook
     */
    PushStatus push(String commit);

    /**
     * Where the branch is on the remote now, read after a failed push to learn whether it landed anyway.
     *
     * @return the head commit, or null when the branch does not exist or the host cannot tell
     */
    default String remoteHead() {
        return null;
    }

    /**
     * Makes {@code branch} (a promotion branch this tool owns, never the configured one) hold the
     * committed {@code commit}: left as it is when its head already has the same tree and parents,
     * otherwise replaced (a forced push), so running a promotion again pushes nothing.
     *
     * @return the branch's head afterwards and whether it was pushed
     */
    default BranchPush pushBranch(String commit, String branch) {
        throw new GitopsGitException(describe() + ": this Git client cannot push promotion branches, so pull "
                + "requests are not available here; push directly or use the engine's own Git client");
    }

    /** What {@link #pushBranch} left on the branch. */
    record BranchPush(String head, boolean pushed) {
    }

    @Override
    void close();
}
