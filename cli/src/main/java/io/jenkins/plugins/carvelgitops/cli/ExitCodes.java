package io.jenkins.plugins.carvelgitops.cli;

/** The CLI's exit codes, shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int GIT_OR_IO = 3;
    public static final int FAILED = 4;
    public static final int TIMED_OUT = 5;
    /** {@code --dry-run --exit-code}: something would change. */
    public static final int WOULD_CHANGE = 6;

    private ExitCodes() {
    }
}
