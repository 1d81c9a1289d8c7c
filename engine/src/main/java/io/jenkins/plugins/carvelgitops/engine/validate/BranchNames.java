package io.jenkins.plugins.carvelgitops.engine.validate;

import java.nio.charset.StandardCharsets;

/**
 * Branch names as {@code git check-ref-format --branch} judges them (refs.c {@code check_refname_format}
 * on {@code refs/heads/<name>}, plus the refusal of {@code HEAD} and a leading '-'), and one rule of our
 * own: a name starting with {@code refs/} is refused, since {@code refs/heads/main} would become the
 * branch {@code refs/heads/refs/heads/main}.
 */
public final class BranchNames {

    private BranchNames() {
    }

    /** Why {@code name} is not a branch name, for error messages; null when it is one. */
    public static String problem(String name) {
        String gitProblem = gitProblem(name);
        if (gitProblem != null) {
            return gitProblem;
        }
        if (name.startsWith("refs/")) {
            return "names a full ref; give the branch alone (main, not refs/heads/main)";
        }
        return null;
    }

    /** What {@code git check-ref-format --branch} refuses (outside a repository, so no {@code @{-1}}). */
    static String gitProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "is empty";
        }
        if (name.startsWith("-")) {
            return "starts with '-'";
        }
        if (name.equals("HEAD")) {
            return "is HEAD, which Git reserves";
        }
        if (name.equals("@")) {
            return "is '@', which Git reserves";
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '/') {
                String why = componentProblem(bytes, start, i);
                if (why != null) {
                    return why;
                }
                start = i + 1;
            }
        }
        if (bytes[bytes.length - 1] == '.') {
            return "ends with '.'";
        }
        return null;
    }

    private static String componentProblem(byte[] b, int from, int to) {
        if (to == from) {
            return "has an empty part (a leading, trailing or double '/')";
        }
        if (b[from] == '.') {
            return "has a part starting with '.'";
        }
        if (to - from >= 5 && new String(b, to - 5, 5, StandardCharsets.US_ASCII).equals(".lock")) {
            return "has a part ending with '.lock'";
        }
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c < 0x20 || c == 0x7f) {
                return "holds a control character";
            }
            if (" ~^:?*[\\".indexOf(c) >= 0) {
                return "holds '" + (char) c + "' (Git refuses space ~ ^ : ? * [ \\ in branch names)";
            }
            if (i > from && c == '.' && b[i - 1] == '.') {
                return "holds '..'";
            }
            if (i > from && c == '{' && b[i - 1] == '@') {
                return "holds '@{'";
            }
        }
        return null;
    }
}
