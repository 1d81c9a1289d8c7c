package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A GitOps repository in memory with one commit, seen both as a history (verify, status) and as a checked-out
 * head (promote, retention), so one set of files can be read by every use case.
 */
public final class MemoryGitops implements GitopsHistory, RepositoryView {

    private final String head;
    private final Map<String, String> files = new TreeMap<>();

    public MemoryGitops(String head) {
        this.head = head;
    }

    public MemoryGitops put(String path, String content) {
        files.put(path, content);
        return this;
    }

    public MemoryGitops remove(String path) {
        files.remove(path);
        return this;
    }

    public String head() {
        return head;
    }

    @Override
    public Optional<String> head(String branch) {
        return "main".equals(branch) ? Optional.of(head) : Optional.empty();
    }

    @Override
    public Optional<String> read(String sha, String path) {
        return head.equals(sha) ? Optional.ofNullable(files.get(path)) : Optional.empty();
    }

    @Override
    public List<String> list(String sha, String folder) {
        return head.equals(sha) ? entries(folder, null) : List.of();
    }

    @Override
    public List<String> commitsStartingWith(String prefix) {
        return head.startsWith(prefix) ? List.of(head) : List.of();
    }

    @Override
    public String read(String path) {
        return files.get(path);
    }

    @Override
    public List<String> list(String folder) {
        return entries(folder, false);
    }

    @Override
    public List<String> folders(String folder) {
        return entries(folder, true);
    }

    @Override
    public boolean isAncestor(String ancestor, String descendant) {
        return ancestor.equalsIgnoreCase(descendant);
    }

    /** Entries directly inside {@code folder}: folders (true), files (false) or both (null). */
    private List<String> entries(String folder, Boolean folders) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files.keySet().stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                .filter(p -> folders == null || p.contains("/") == folders)
                .map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : p).distinct().sorted().toList();
    }
}
