package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheTree;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The clone cache's working copy, which is never checked out: a sync moves the branch and the index
 * to the fetched head, and files reach the disk only when a change writes them ({@link WorkTree}, from
 * the plan, never from the working copy). So a sync costs the commits fetched, not a stat per file of
 * the repository, and nothing of the untrusted tree lands on disk unless we wrote it.
 *
 * <p>What lies on disk is therefore ours and may be stale: a file we wrote where the head now has a
 * folder, or a folder of ours where it now has a file. {@link #clearTheWay} removes those on the way to
 * a change's paths, so {@link SafeTree} judges what the head holds, not what an older run left.
 */
final class SparseCheckout {

    private SparseCheckout() {
    }

    /**
     * Points the branch at {@code commit} and makes the index its tree (entries without stat data; the
     * index is locked without its repository, so nothing is read from the working copy). Leaves an
     * index that already holds that tree alone.
     */
    static void moveTo(Repository repo, ObjectId commit) throws IOException {
        ObjectId tree;
        try (RevWalk walk = new RevWalk(repo)) {
            tree = walk.parseCommit(commit).getTree().getId();
        }
        if (!tree.equals(indexTree(repo))) {
            DirCache index = DirCache.lock(repo.getIndexFile(), repo.getFS());
            try (ObjectReader reader = repo.newObjectReader(); ObjectInserter inserter = repo.newObjectInserter()) {
                DirCacheBuilder builder = index.builder();
                builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tree);
                builder.finish();
                // records the tree ids in the index, so the next sync can tell it holds this tree already
                index.writeTree(inserter);
                index.write();
                if (!index.commit()) {
                    throw new IOException("cannot replace " + repo.getIndexFile());
                }
            } finally {
                index.unlock();
            }
        }
        RefUpdate update = repo.updateRef(Constants.HEAD);
        update.setNewObjectId(commit);
        update.setRefLogMessage("sync: " + commit.name(), false);
        RefUpdate.Result result = update.forceUpdate();
        switch (result) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> {
            }
            default -> throw new IOException("cannot move " + repo.getFullBranch() + " to " + commit.name() + ": "
                    + result);
        }
    }

    /** The tree the index holds, when its recorded tree ids are complete; null otherwise. */
    private static ObjectId indexTree(Repository repo) throws IOException {
        if (!repo.getIndexFile().isFile()) {
            return null;
        }
        DirCacheTree cached = DirCache.read(repo.getIndexFile(), repo.getFS()).getCacheTree(false);
        return cached != null && cached.isValid() ? cached.getObjectId() : null;
    }

    /**
     * Removes what an older run of ours left in the way of {@code paths}: a regular file where a folder
     * is needed above a path, or a folder where the path's file belongs. A link or special file is left
     * where it is (we never make one), so {@link SafeTree} refuses it; nothing is followed.
     */
    static void clearTheWay(Path top, Collection<String> paths) {
        try {
            for (String path : paths) {
                Path current = top;
                String[] parts = path.split("/");
                for (int i = 0; i < parts.length; i++) {
                    current = current.resolve(parts[i]);
                    SafeTree.Kind kind = SafeTree.kind(current);
                    boolean last = i == parts.length - 1;
                    if (kind == SafeTree.Kind.ABSENT) {
                        break;
                    }
                    if (!last && kind == SafeTree.Kind.FILE) {
                        Files.delete(current);
                        break;
                    }
                    if (last && kind == SafeTree.Kind.FOLDER) {
                        deleteFolder(current);
                    }
                    if (kind != SafeTree.Kind.FOLDER) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot clear the clone cache's working copy in " + top + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes a folder of ours and what is in it; links inside are removed, never followed. */
    private static void deleteFolder(Path folder) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
