package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.report.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.report.ProgressListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps every line, as {@code KIND message}. Thread-safe. */
public final class RecordingListener implements ProgressListener {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void event(ProgressEvent event) {
        lines.add(event.kind() + " " + event.message());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public String text() {
        return String.join("\n", lines);
    }
}
