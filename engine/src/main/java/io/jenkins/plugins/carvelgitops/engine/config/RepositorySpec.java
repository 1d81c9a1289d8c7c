package io.jenkins.plugins.carvelgitops.engine.config;

import io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls;
import java.util.Objects;

/**
 * Where the GitOps repository is.
 *
 * @param url    remote URL (https, ssh, file://) or a local path: the embedded default, created if absent
 * @param branch the branch that Flux follows
 * @param root   folder inside the repository that holds {@code <package>/}; "." for the top
 */
public record RepositorySpec(String url, String branch, String root) {

    public RepositorySpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(root, "root");
    }

    /** True when {@link #url} names a folder on this machine rather than a remote to clone. */
    public boolean isLocalPath() {
        return RemoteUrls.isLocalPath(url);
    }

    /** The path prefix for files inside the repository: "" for the top, else {@code root/}. */
    public String prefix() {
        String r = root.startsWith("./") ? root.substring(2) : root;
        r = r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
        return r.isEmpty() || r.equals(".") ? "" : r + "/";
    }
}
