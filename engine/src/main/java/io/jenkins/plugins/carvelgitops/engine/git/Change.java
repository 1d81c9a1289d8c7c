package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to commit: files to write, paths to remove, and the commit message. Applying the same change
 * twice is a no-op the second time (no empty commit).
 *
 * @param owned the folders of the repository this change's package owns: what an interrupted run staged
 *              there is ours to redo, anything staged elsewhere is the user's
 */
public record Change(List<RepoFile> files, List<String> removals, String message, List<String> owned) {

    public Change {
        files = List.copyOf(files);
        removals = List.copyOf(removals);
        Objects.requireNonNull(message, "message");
        owned = List.copyOf(owned);
    }

    /** A change owning only the folders its own paths are in. */
    public Change(List<RepoFile> files, List<String> removals, String message) {
        this(files, removals, message, foldersOf(files, removals));
    }

    /** Every path the change writes or removes. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(removals);
        files.forEach(f -> paths.add(f.path()));
        return paths;
    }

    private static List<String> foldersOf(List<RepoFile> files, List<String> removals) {
        TreeSet<String> folders = new TreeSet<>();
        List<String> paths = new ArrayList<>(removals);
        files.forEach(f -> paths.add(f.path()));
        for (String path : paths) {
            int slash = path.lastIndexOf('/');
            if (slash > 0) {
                folders.add(path.substring(0, slash));
            }
        }
        return List.copyOf(folders);
    }
}
