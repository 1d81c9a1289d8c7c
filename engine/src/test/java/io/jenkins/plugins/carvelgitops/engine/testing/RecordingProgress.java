package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** Keeps every progress event, for assertions; lines read {@code KIND message}. Thread-safe. Test-only. */
public final class RecordingProgress implements ProgressListener {

    private final List<ProgressEvent> events = new ArrayList<>();

    @Override
    public synchronized void event(ProgressEvent event) {
        events.add(event);
    }

    public synchronized List<ProgressEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<String> lines() {
        return events.stream().map(e -> e.kind() + " " + e.message()).toList();
    }

    public synchronized String text() {
        return String.join("\n", lines());
    }
}
