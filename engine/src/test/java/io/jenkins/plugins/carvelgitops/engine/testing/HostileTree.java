package io.jenkins.plugins.carvelgitops.engine.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * What a hostile user with push access commits: symbolic links and submodule entries (gitlinks) in place
 * of the folders and files a package owns, written straight into a repository's branch (bare or not), as a
 * push would leave them. Test-only.
 */
public final class HostileTree {

    /** The kind of entry planted at a path. */
    public enum Kind {
        /** a symbolic link; the value is its target */
        SYMLINK,
        /** a submodule entry; the value is ignored */
        GITLINK
    }

    public record Entry(Kind kind, String value) {
        public static Entry link(String target) {
            return new Entry(Kind.SYMLINK, target);
        }

        public static Entry submodule() {
            return new Entry(Kind.GITLINK, "");
        }
    }

    private HostileTree() {
    }

    /**
     * Commits on top of {@code branch} in the repository whose Git folder is {@code gitDir}: each path of
     * {@code planted} becomes that entry, and whatever the head held at or below it is gone.
     *
     * @return the new commit
     */
    public static String commit(Path gitDir, String branch, Map<String, Entry> planted) throws Exception {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
                ObjectInserter inserter = repo.newObjectInserter(); RevWalk revs = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.R_HEADS + branch);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            if (head != null) {
                try (TreeWalk walk = new TreeWalk(repo)) {
                    walk.addTree(revs.parseCommit(head).getTree());
                    walk.setRecursive(true);
                    while (walk.next()) {
                        String path = walk.getPathString();
                        if (planted.keySet().stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                            DirCacheEntry e = new DirCacheEntry(path);
                            e.setFileMode(walk.getFileMode(0));
                            e.setObjectId(walk.getObjectId(0));
                            builder.add(e);
                        }
                    }
                }
            }
            for (Map.Entry<String, Entry> p : planted.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(p.getKey());
                if (p.getValue().kind() == Kind.SYMLINK) {
                    e.setFileMode(FileMode.SYMLINK);
                    e.setObjectId(inserter.insert(Constants.OBJ_BLOB,
                            p.getValue().value().getBytes(StandardCharsets.UTF_8)));
                } else {
                    e.setFileMode(FileMode.GITLINK);
                    e.setObjectId(head == null ? ObjectId.zeroId() : head);
                }
                builder.add(e);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(index.writeTree(inserter));
            if (head != null) {
                commit.setParentId(head);
            }
            PersonIdent who = new PersonIdent("Hostile Pusher", "hostile@example.invalid");
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("plant entries\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(head == null ? ObjectId.zeroId() : head);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IllegalStateException("cannot update " + branch + ": " + result);
            }
            return id.name();
        }
    }
}
