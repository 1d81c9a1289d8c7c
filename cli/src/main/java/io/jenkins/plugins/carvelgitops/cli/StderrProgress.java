package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.PrintWriter;

/** Progress lines on stderr, so stdout carries only the result (text or JSON). */
final class StderrProgress implements ProgressListener {

    private final PrintWriter err;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void event(ProgressEvent event) {
        String prefix = switch (event.kind()) {
            case WARNING -> "warning: ";
            case FAILURE -> "error: ";
            default -> "";
        };
        err.println(prefix + event.message());
        err.flush();
    }
}
