package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code render --retain N}: which stored Package versions to remove. Keeps the newest {@code N}, and
 * always every version a stage runs (its exact pin, or what its range selects), judged on the head
 * being published to with this render's own files applied. Removing a version therefore never changes
 * what any stage runs.
 */
public final class Retention {

    private Retention() {
    }

    /**
     * @param planned the files this render writes (they override what the head holds)
     * @return repository paths of Package files to remove, oldest first
     */
    public static List<String> removals(GitopsConfig config, RepositoryView head, Collection<RepoFile> planned,
            int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("retain must be at least 1");
        }
        RepositoryLayout layout = new RepositoryLayout(config, overlay(head, planned));
        TreeSet<Semver> stored = layout.storedVersions();
        Set<Semver> inUse = new HashSet<>();
        Set<String> stages = new TreeSet<>(layout.stagesInRepository());
        config.stages().forEach(s -> stages.add(s.name()));
        for (String stage : stages) {
            layout.packageInstall(stage).flatMap(pkgi -> layout.selected(stage, pkgi, stored)).ifPresent(inUse::add);
        }
        List<String> remove = new ArrayList<>();
        int newer = 0;
        for (Semver v : stored.descendingSet()) {
            newer++;
            if (newer > keep && !inUse.contains(v)) {
                remove.add(0, layout.storedFile(v));
            }
        }
        return remove;
    }

    /** The head as it will be once {@code planned} is written. */
    static RepositoryView overlay(RepositoryView head, Collection<RepoFile> planned) {
        Map<String, String> files = new HashMap<>();
        planned.forEach(f -> files.put(f.path(), f.content()));
        return new RepositoryView() {
            @Override
            public String read(String path) {
                return files.containsKey(path) ? files.get(path) : head.read(path);
            }

            @Override
            public List<String> list(String folder) {
                TreeSet<String> names = new TreeSet<>(head.list(folder));
                for (String path : files.keySet()) {
                    int slash = path.lastIndexOf('/');
                    if (slash >= 0 && path.substring(0, slash).equals(folder)) {
                        names.add(path.substring(slash + 1));
                    }
                }
                return List.copyOf(names);
            }

            @Override
            public List<String> folders(String folder) {
                TreeSet<String> names = new TreeSet<>(head.folders(folder));
                String prefix = folder.isEmpty() ? "" : folder + "/";
                for (String path : files.keySet()) {
                    if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) > 0) {
                        names.add(path.substring(prefix.length(), path.indexOf('/', prefix.length())));
                    }
                }
                return List.copyOf(names);
            }
        };
    }
}
