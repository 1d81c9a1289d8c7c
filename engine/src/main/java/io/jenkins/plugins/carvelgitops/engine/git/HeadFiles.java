package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;

/** The committed content of a set of paths: what a change is measured against. */
final class HeadFiles {

    private HeadFiles() {
    }

    /** Content at HEAD of each path that exists there; an unborn HEAD has none. */
    static Map<String, String> read(Repository repo, Collection<String> paths) {
        Map<String, String> contents = new HashMap<>();
        if (paths.isEmpty()) {
            return contents;
        }
        try {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                return contents;
            }
            try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
                tree.addTree(walk.parseCommit(head).getTree());
                tree.setRecursive(true);
                tree.setFilter(PathFilterGroup.createFromStrings(paths));
                while (tree.next()) {
                    byte[] bytes = repo.open(tree.getObjectId(0)).getBytes();
                    contents.put(tree.getPathString(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
            return contents;
        } catch (IOException e) {
            throw new GitopsGitException("cannot read HEAD of " + repo.getDirectory() + ": " + e.getMessage(), e);
        }
    }
}
