package io.jenkins.plugins.carvelgitops.engine.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree as the view a change is planned on: what is committed, never what an interrupted
 * run (or anyone) left in the working tree. Reads only the folders on the way to the paths asked for.
 * Like {@link SafeTree} on disk, it refuses a symbolic link, a submodule (gitlink) or a file where a
 * folder belongs at or above any path it is asked for, and any such entry in a folder it lists.
 */
final class CommittedTree implements RepositoryView {

    private record Entry(FileMode mode, ObjectId id) {
    }

    private final Repository repo;
    private final ObjectId rootTree;
    private final String label;
    private final Map<String, Map<String, Entry>> folders = new HashMap<>();

    private CommittedTree(Repository repo, ObjectId rootTree, String label) {
        this.repo = repo;
        this.rootTree = rootTree;
        this.label = label;
    }

    /** The tree of {@code commit} in {@code repo}; an empty view when {@code commit} is null (unborn). */
    static CommittedTree at(Repository repo, ObjectId commit, String label) {
        if (commit == null) {
            return new CommittedTree(repo, null, label);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return new CommittedTree(repo, walk.parseCommit(commit).getTree().getId(), label);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read commit " + commit.name() + " of " + label + ": " + e.getMessage(),
                    e);
        }
    }

    /** Refuses the first path that is not a regular file or absent in this tree (files we will write or delete). */
    void checkFiles(Collection<String> paths) {
        paths.forEach(this::fileEntry);
    }

    /** The committed content of each path that exists, for the paths of a change. */
    Map<String, String> contents(Collection<String> paths) {
        Map<String, String> contents = new HashMap<>();
        for (String path : paths) {
            String text = read(path);
            if (text != null) {
                contents.put(path, text);
            }
        }
        return contents;
    }

    @Override
    public String read(String path) {
        Entry entry = fileEntry(path);
        if (entry == null) {
            return null;
        }
        try {
            return new String(repo.open(entry.id()).getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read " + path + " of " + label + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String folder) {
        return names(folder, false);
    }

    @Override
    public List<String> folders(String folder) {
        return names(folder, true);
    }

    private List<String> names(String folder, boolean wantFolders) {
        Map<String, Entry> entries = folder(folder);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            String kind = special(e.getValue().mode());
            if (kind != null) {
                throw SafeTree.refusal(join(folder, e.getKey()), kind, label);
            }
            if (wantFolders == (e.getValue().mode() == FileMode.TREE)) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    private Entry fileEntry(String path) {
        int slash = path.lastIndexOf('/');
        Map<String, Entry> parent = folder(slash < 0 ? "" : path.substring(0, slash));
        Entry entry = parent.get(path.substring(slash + 1));
        if (entry == null) {
            return null;
        }
        if (entry.mode() == FileMode.TREE) {
            throw SafeTree.refusal(path, "is a folder where a file belongs", label);
        }
        String kind = special(entry.mode());
        if (kind != null) {
            throw SafeTree.refusal(path, kind, label);
        }
        return entry;
    }

    /** The entries of a folder, empty when it is absent; refuses a special entry on the way to it. */
    private Map<String, Entry> folder(String path) {
        Map<String, Entry> known = folders.get(path);
        if (known != null) {
            return known;
        }
        Map<String, Entry> entries;
        if (path.isEmpty()) {
            entries = rootTree == null ? Map.of() : entries(rootTree);
        } else {
            int slash = path.lastIndexOf('/');
            Entry self = folder(slash < 0 ? "" : path.substring(0, slash)).get(path.substring(slash + 1));
            if (self == null) {
                entries = Map.of();
            } else if (self.mode() == FileMode.TREE) {
                entries = entries(self.id());
            } else {
                String kind = special(self.mode());
                throw SafeTree.refusal(path, kind == null ? "is a file where a folder belongs" : kind, label);
            }
        }
        folders.put(path, entries);
        return entries;
    }

    private Map<String, Entry> entries(ObjectId tree) {
        Map<String, Entry> entries = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                entries.put(walk.getNameString(), new Entry(walk.getFileMode(0), walk.getObjectId(0)));
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot read the tree of " + label + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** What is wrong with an entry of this mode, or null for a regular file or a folder. */
    private static String special(FileMode mode) {
        if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE || mode == FileMode.TREE) {
            return null;
        }
        if (mode == FileMode.SYMLINK) {
            return "is a symbolic link";
        }
        if (mode == FileMode.GITLINK) {
            return "is a submodule (gitlink)";
        }
        return "is a special entry (mode " + mode + ")";
    }

    private static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }
}
