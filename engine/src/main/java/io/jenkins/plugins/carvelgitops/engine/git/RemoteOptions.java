package io.jenkins.plugins.carvelgitops.engine.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a remote GitOps repository.
 *
 * @param auth             HTTPS user name and token; null for none (public repositories, file://, ssh)
 * @param credentialSource where the credentials came from, named in authentication errors (for
 *                         example {@code GIT_USERNAME/GIT_TOKEN}); never the secret itself
 * @param cacheRoot        folder that holds one reusable clone per URL and branch
 * @param retry            how often a push rejected by a concurrent push is tried again
 * @param lockTimeout      how long to wait for another run using the same clone
 * @param shallow          fetch only the branch head (depth 1) instead of its whole history
 */
public record RemoteOptions(TokenAuth auth, String credentialSource, Path cacheRoot, RetryPolicy retry,
        Duration lockTimeout, boolean shallow) {

    public RemoteOptions {
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        credentialSource = credentialSource == null ? "the Git credentials" : credentialSource;
    }

    /** No credentials, the default retry policy, a five-minute lock wait, shallow fetches. */
    public static RemoteOptions defaults(Path cacheRoot) {
        return new RemoteOptions(null, null, cacheRoot, RetryPolicy.DEFAULT, Duration.ofMinutes(5), true);
    }

    public RemoteOptions withAuth(TokenAuth tokenAuth, String source) {
        return new RemoteOptions(tokenAuth, source, cacheRoot, retry, lockTimeout, shallow);
    }

    public RemoteOptions withRetry(RetryPolicy policy) {
        return new RemoteOptions(auth, credentialSource, cacheRoot, policy, lockTimeout, shallow);
    }

    public RemoteOptions withShallow(boolean fetchShallow) {
        return new RemoteOptions(auth, credentialSource, cacheRoot, retry, lockTimeout, fetchShallow);
    }

    /** The default cache root: {@code ~/.cache/carvel-gitops}. */
    public static Path defaultCacheRoot(Path userHome) {
        return userHome.resolve(".cache").resolve("carvel-gitops");
    }
}
