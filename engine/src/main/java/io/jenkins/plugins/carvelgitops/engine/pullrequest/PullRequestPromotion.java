package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens or updates the one pull request of a promotion branch and supersedes the stage's older ones.
 * A pull request already open for the branch with the same title and body is left as it is, so a
 * second run makes no call that changes anything.
 */
final class PullRequestPromotion {

    /** What {@link #open} did. */
    record Opened(PullRequest pullRequest, String action, List<PullRequest> superseded) {
    }

    private final PullRequestHost host;
    private final PullRequestSettings settings;
    private final ProgressListener listener;

    PullRequestPromotion(PullRequestHost host, PullRequestSettings settings, ProgressListener listener) {
        this.host = host;
        this.settings = settings;
        this.listener = listener;
    }

    Opened open(String branch, String stagePrefix, String base, String title, String body) {
        List<PullRequest> open = host.open(base, stagePrefix);
        Optional<PullRequest> mine = open.stream().filter(p -> p.headBranch().equals(branch)).findFirst();
        PullRequest current;
        String action;
        if (mine.isPresent() && mine.get().title().equals(title) && sameBody(mine.get().body(), body)) {
            current = mine.get();
            action = "unchanged";
            listener.success(host.kind().title() + " pull request " + current.url() + " is open and up to date");
        } else if (mine.isPresent()) {
            current = host.edit(mine.get().number(), title, body);
            action = "updated";
            listener.success("updated " + host.kind().title() + " pull request " + current.url());
        } else {
            current = host.create(branch, base, title, body);
            host.decorate(current, settings);
            action = "created";
            listener.success("opened " + host.kind().title() + " pull request " + current.url());
        }
        List<PullRequest> superseded = new ArrayList<>();
        for (PullRequest older : open) {
            if (older.number() != current.number()) {
                host.comment(older.number(), "Superseded by #" + current.number() + " (" + current.url() + "): "
                        + title + ".");
                host.close(older.number());
                superseded.add(older);
                listener.action("closed " + older.url() + ": superseded by " + current.url());
            }
        }
        return new Opened(current, action, superseded);
    }

    /** Providers may store line ends as CRLF or trim the end; that is not a change. */
    private static boolean sameBody(String stored, String wanted) {
        return stored.replace("\r\n", "\n").strip().equals(wanted.strip());
    }
}
