package io.jenkins.plugins.carvelgitops.engine.git;

/** What a failure from deep inside JGit or the file system says, for a one-line error. */
final class Failures {

    private Failures() {
    }

    /**
     * The innermost message of {@code e}'s causes, where the operating system says what went wrong ("No
     * space left on device"), joined to the outer message when that adds something.
     */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root == e || root.getMessage() == null || outer.contains(root.getMessage())) {
            return outer;
        }
        return outer + ": " + root.getMessage();
    }
}
