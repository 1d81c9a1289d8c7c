package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.ConcurrentRefUpdateException;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.api.errors.WrongRepositoryStateException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Staging and committing a change's paths with JGit, shared by the local and the remote repository.
 *
 * <p>Cost grows with the change, not the repository: only our paths' index entries are edited (the
 * others are copied as they are, never stat'ed or re-hashed), and a large change's objects go into
 * one pack instead of a loose file each.
 */
final class Commits {

    /** Below this many files, loose objects are cheaper than a pack (C Git's transfer.unpackLimit). */
    static final int PACK_THRESHOLD = 100;

    private Commits() {
    }

    /**
     * Stages exactly {@code changes}, which the working tree already holds, and commits them as the
     * configured identity, without hooks or signing. The index is replaced only once the branch points
     * at the new commit.
     */
    static RevCommit commit(Git git, List<FileChange> changes, String message, CommitSpec identity)
            throws GitAPIException {
        Repository repo = git.getRepository();
        if (!repo.getRepositoryState().canCommit()) {
            throw new WrongRepositoryStateException("cannot commit in state " + repo.getRepositoryState().name());
        }
        PersonIdent who = CommitIdentity.resolve(identity, repo.getConfig());
        DirCache index = null;
        try (ObjectInserter inserter = inserter(repo, changes.size()); RevWalk walk = new RevWalk(repo)) {
            // Locked without the repository: JGit then re-hashes every smudged entry from the working tree
            // on write (all 20,000 of a just-copied repository); those are not ours to refresh.
            index = DirCache.lock(repo.getIndexFile(), repo.getFS());
            edit(index, changes, repo.getWorkTree().toPath(), inserter);
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (head != null) {
                commit.setParentId(head);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            index.write();
            updateHead(repo, head, id, message);
            index.commit();
            index = null;
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new JGitInternalException("cannot write the commit: " + e.getMessage(), e);
        } finally {
            if (index != null) {
                index.unlock();
            }
        }
    }

    private static ObjectInserter inserter(Repository repo, int files) {
        if (files >= PACK_THRESHOLD && repo.getObjectDatabase() instanceof ObjectDirectory objects) {
            return objects.newPackInserter();
        }
        return repo.newObjectInserter();
    }

    /** Our paths' entries only: new blob ids, stat data of the files just written, removals. */
    private static void edit(DirCache index, List<FileChange> changes, Path top, ObjectInserter inserter)
            throws IOException {
        DirCacheEditor editor = index.editor();
        for (FileChange change : changes) {
            if (change.kind() == FileChange.Kind.REMOVED) {
                editor.add(new DirCacheEditor.DeletePath(change.path()));
                continue;
            }
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.after().getBytes(StandardCharsets.UTF_8));
            BasicFileAttributes written = Files.readAttributes(top.resolve(change.path()), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            editor.add(new DirCacheEditor.PathEdit(change.path()) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                    entry.setLength(written.size());
                    entry.setLastModified(written.lastModifiedTime().toInstant());
                }
            });
        }
        editor.finish();
    }

    private static void updateHead(Repository repo, ObjectId head, ObjectId commit, String message)
            throws IOException, ConcurrentRefUpdateException {
        RefUpdate update = repo.updateRef(Constants.HEAD);
        update.setNewObjectId(commit);
        update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
        String subject = message.lines().findFirst().orElse("");
        update.setRefLogMessage((head == null ? "commit (initial): " : "commit: ") + subject, false);
        RefUpdate.Result result = update.forceUpdate();
        switch (result) {
            case NEW, FORCED, FAST_FORWARD -> {
            }
            default -> throw new ConcurrentRefUpdateException("the branch moved while committing: " + result,
                    update.getRef(), result);
        }
    }
}
