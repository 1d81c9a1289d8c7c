package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;

/**
 * {@code requireLive} inside a promotion's planning: the version read from the source stage moves on only
 * when the stage's run cluster runs it. Asked once per version, even when a lost push race plans again on
 * a newer head; a newer head that pins another version is asked again.
 */
final class SourceLiveness {

    private final LiveCheck check;
    private final String stage;
    private final String namespace;
    private final String installName;
    private final String to;
    private final ProgressListener listener;
    private String checkedVersion;
    private String state;

    SourceLiveness(LiveCheck check, String stage, String namespace, String installName, String to,
            ProgressListener listener) {
        this.check = check;
        this.stage = stage;
        this.namespace = namespace;
        this.installName = installName;
        this.to = to;
        this.listener = listener;
    }

    /** Throws {@link SourceNotLiveException} unless the source stage runs {@code version}. */
    void require(Semver version) {
        if (version.text().equals(checkedVersion)) {
            return;
        }
        LiveCheck.Result r = check.check(stage, namespace, installName, version.text());
        if (!r.live()) {
            throw new SourceNotLiveException("refusing to promote " + version + " to " + to + ": " + r.reason()
                    + "; nothing committed");
        }
        checkedVersion = version.text();
        state = stage + " runs " + version + (r.seen().isEmpty() ? "" : " (" + r.seen() + ")");
        listener.success(state);
    }

    /** What the check saw, like {@code staging runs 1.0.0 (ReconcileSucceeded 1.0.0)}; null before one passed. */
    String state() {
        return state;
    }
}
