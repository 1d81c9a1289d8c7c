package io.jenkins.plugins.carvelgitops.ui;

import io.jenkins.plugins.carvelgitops.engine.progress.ProgressEvent;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.text.Text;
import java.io.PrintStream;

/**
 * The engine's progress in the build log: one prefixed line per event. Lines never span: a message
 * with line breaks is folded onto one line.
 */
public final class ConsoleProgress implements ProgressListener {

    public static final String PREFIX = "[carvel-gitops] ";

    private final PrintStream out;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void event(ProgressEvent event) {
        out.println(line(event));
        out.flush();
    }

    /** The line printed for one event. */
    public static String line(ProgressEvent event) {
        String kind = switch (event.kind()) {
            case WAITING -> "waiting: ";
            case SUCCESS -> "ok: ";
            case WARNING -> "warning: ";
            case FAILURE -> "error: ";
            case ACTION -> "";
        };
        return PREFIX + kind + Text.oneLine(event.message(), " ");
    }
}
