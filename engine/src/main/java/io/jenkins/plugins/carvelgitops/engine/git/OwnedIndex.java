package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The index of a user's working copy, split by who owns each path: entries in the folders a package
 * owns are ours (a run killed between writing the index and committing leaves them staged), the rest
 * are the user's. Ours are put back to HEAD before we stage, so our commit holds exactly our change;
 * the user's staged work is never committed by us.
 */
final class OwnedIndex {

    private OwnedIndex() {
    }

    /** Paths staged (index differs from HEAD) outside the {@code owned} folders, sorted. */
    static List<String> foreignStaged(Repository repo, ObjectId head, Collection<String> owned) {
        List<String> foreign = new ArrayList<>();
        for (String path : staged(repo, head)) {
            if (!isOwned(path, owned)) {
                foreign.add(path);
            }
        }
        return foreign;
    }

    /** Resets the index entries in the {@code owned} folders to HEAD's; does nothing when they already match. */
    static void restore(Repository repo, ObjectId head, Collection<String> owned) {
        if (staged(repo, head).stream().noneMatch(p -> isOwned(p, owned))) {
            return;
        }
        try {
            DirCache index = repo.lockDirCache();
            try {
                DirCacheBuilder builder = index.builder();
                for (int i = 0; i < index.getEntryCount(); i++) {
                    DirCacheEntry entry = index.getEntry(i);
                    if (!isOwned(entry.getPathString(), owned)) {
                        builder.add(entry);
                    }
                }
                if (head != null) {
                    try (RevWalk revs = new RevWalk(repo); TreeWalk walk = new TreeWalk(repo)) {
                        walk.addTree(revs.parseCommit(head).getTree());
                        walk.setRecursive(true);
                        while (walk.next()) {
                            if (isOwned(walk.getPathString(), owned)) {
                                DirCacheEntry entry = new DirCacheEntry(walk.getRawPath());
                                entry.setFileMode(walk.getFileMode(0));
                                entry.setObjectId(walk.getObjectId(0));
                                builder.add(entry);
                            }
                        }
                    }
                }
                builder.finish();
                index.write();
                if (!index.commit()) {
                    throw new IOException("cannot replace " + repo.getIndexFile());
                }
            } finally {
                index.unlock();
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot restore the index of " + repo.getDirectory() + ": "
                    + Failures.rootMessage(e), e);
        }
    }

    private static List<String> staged(Repository repo, ObjectId head) {
        List<String> paths = new ArrayList<>();
        try (RevWalk revs = new RevWalk(repo); TreeWalk walk = new TreeWalk(repo)) {
            if (head == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(revs.parseCommit(head).getTree());
            }
            walk.addTree(new DirCacheIterator(repo.readDirCache()));
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                if (walk.getFileMode(0) != FileMode.MISSING || walk.getFileMode(1) != FileMode.MISSING) {
                    paths.add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot read the index of " + repo.getDirectory() + ": " + e.getMessage(), e);
        }
        return paths;
    }

    private static boolean isOwned(String path, Collection<String> owned) {
        for (String folder : owned) {
            if (path.startsWith(folder.endsWith("/") ? folder : folder + "/")) {
                return true;
            }
        }
        return false;
    }
}
