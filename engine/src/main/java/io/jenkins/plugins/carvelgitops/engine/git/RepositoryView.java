package io.jenkins.plugins.carvelgitops.engine.git;

import java.util.List;

/** Read access to the files of one checked-out head of the GitOps repository. */
public interface RepositoryView {

    /** An empty repository (nothing committed yet). */
    RepositoryView EMPTY = new RepositoryView() {
        @Override
        public String read(String path) {
            return null;
        }

        @Override
        public List<String> list(String folder) {
            return List.of();
        }

        @Override
        public List<String> folders(String folder) {
            return List.of();
        }
    };

    /** The file's content, or null when it does not exist. */
    String read(String path);

    /** Names of the regular files directly inside {@code folder}, sorted; empty when it does not exist. */
    List<String> list(String folder);

    /** Names of the folders directly inside {@code folder}, sorted; empty when it does not exist. */
    List<String> folders(String folder);
}
