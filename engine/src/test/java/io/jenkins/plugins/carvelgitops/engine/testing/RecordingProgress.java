package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.report.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** Collects progress lines for assertions. Test-only. */
public final class RecordingProgress implements ProgressListener {

    private final List<ProgressEvent> events = new ArrayList<>();

    @Override
    public synchronized void event(ProgressEvent event) {
        events.add(event);
    }

    public synchronized List<String> lines() {
        return events.stream().map(e -> e.kind() + " " + e.message()).toList();
    }

    public synchronized String text() {
        return String.join("\n", lines());
    }
}
