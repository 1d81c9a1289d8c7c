package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import java.util.Objects;

/**
 * A pull (merge) request as its provider reports it.
 *
 * @param number      the number (GitLab: the merge request's iid)
 * @param url         the web page
 * @param headBranch  the branch it merges
 * @param headSha     the head commit
 * @param state       open, merged or closed unmerged
 * @param mergeCommit the commit on the target branch once merged (the squash commit when squashed); else null
 * @param closedBy    who merged or closed it, when the provider says; else null
 */
public record PullRequest(int number, String url, String headBranch, String headSha, State state,
        String mergeCommit, String closedBy, String title, String body) {

    public enum State {
        OPEN, MERGED, CLOSED
    }

    public PullRequest {
        Objects.requireNonNull(headBranch, "headBranch");
        Objects.requireNonNull(state, "state");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }
}
