package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import java.util.List;
import org.eclipse.jgit.api.AddCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RmCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Staging and committing a change's paths with JGit, shared by the local and the remote repository. */
final class Commits {

    private Commits() {
    }

    /**
     * Stages exactly {@code changes} (one index update for all paths: a command per file rewrites the
     * whole index each time) and commits them as the configured identity, without hooks or signing.
     */
    static RevCommit commit(Git git, List<FileChange> changes, String message, CommitSpec identity)
            throws GitAPIException {
        AddCommand add = git.add();
        RmCommand rm = git.rm();
        boolean anyAdd = false;
        boolean anyRemove = false;
        for (FileChange change : changes) {
            if (change.kind() == FileChange.Kind.REMOVED) {
                rm.addFilepattern(change.path());
                anyRemove = true;
            } else {
                add.addFilepattern(change.path());
                anyAdd = true;
            }
        }
        if (anyAdd) {
            add.call();
        }
        if (anyRemove) {
            rm.call();
        }
        PersonIdent who = CommitIdentity.resolve(identity, git.getRepository().getConfig());
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).setNoVerify(true)
                .call();
    }
}
