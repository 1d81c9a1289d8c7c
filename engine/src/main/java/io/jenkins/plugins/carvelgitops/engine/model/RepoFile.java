package io.jenkins.plugins.carvelgitops.engine.model;

import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of the GitOps repository, by its path relative to the repository's top, '/'-separated.
 * The constructor refuses any path that could leave the repository.
 */
public record RepoFile(String path, String content) {

    public RepoFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("not a relative file path: " + path);
        }
        for (String segment : path.split("/")) {
            if (Names.pathSegmentProblem(segment) != null) {
                throw new IllegalArgumentException("unsafe path segment in " + path);
            }
        }
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
