package io.jenkins.plugins.carvelgitops.engine.kube;

import java.util.Objects;

/**
 * The user name and token Flux's source-controller uses to clone the GitOps repository, as stored in
 * the {@code <package>-gitops-auth} Secret. {@link #toString()} redacts the token.
 */
public record GitCredential(String username, String token) {

    public GitCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "GitCredential[username=" + username + ", token=****]";
    }
}
