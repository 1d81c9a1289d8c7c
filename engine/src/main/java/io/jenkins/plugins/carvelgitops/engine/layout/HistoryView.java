package io.jenkins.plugins.carvelgitops.engine.layout;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import java.util.List;

/**
 * One commit of a {@link GitopsHistory} seen as a {@link RepositoryView}, so verify and status read a stage
 * through the same {@link RepositoryLayout} as promote. The history lists entries without telling files from
 * folders, so both listings return every entry; the layout only keeps names that resolve to what it wants.
 */
record HistoryView(GitopsHistory history, String sha) implements RepositoryView {

    @Override
    public String read(String path) {
        return history.read(sha, path).orElse(null);
    }

    @Override
    public List<String> list(String folder) {
        return history.list(sha, folder);
    }

    @Override
    public List<String> folders(String folder) {
        return history.list(sha, folder);
    }
}
