package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import java.util.Locale;

/**
 * Title and body of a promotion pull request: what moves from where to where, the Package file, the
 * change per file with the diff, and the source stage's live state when it was checked. Built only
 * from the promotion (no times, no commit ids), so the same promotion always yields the same text.
 */
public final class PullRequestText {

    /** Bodies are limited (GitHub: 65536 characters); the diff gives way first. */
    static final int MAX_DIFF_CHARS = 40_000;

    private PullRequestText() {
    }

    /** The branch of a promotion: {@code carvel-gitops/<package>/<stage>/<version>}. */
    public static String branch(String packageName, String stage, String version) {
        return stagePrefix(packageName, stage) + version;
    }

    /** What every promotion branch of a stage starts with. */
    public static String stagePrefix(String packageName, String stage) {
        return "carvel-gitops/" + packageName + "/" + stage + "/";
    }

    public static String title(PromoteOutcome o) {
        return o.downgrade() ? "Roll back " + o.packageName() + " in " + o.to() + " to " + o.version()
                : "Promote " + o.packageName() + " " + o.version() + (o.from() == null ? "" : " from " + o.from())
                        + " to " + o.to();
    }

    /**
     * @param packageFile the Package's path in the repository
     * @param baseBranch  the branch Flux follows
     * @param liveState   what {@code requireLive} saw in the source stage; null when it was not checked
     */
    public static String body(PromoteOutcome o, String packageFile, String baseBranch, String liveState) {
        StringBuilder b = new StringBuilder();
        b.append(o.downgrade() ? "Rolls back" : "Promotes").append(" **").append(o.packageName()).append("** `")
                .append(o.version()).append('`');
        b.append(o.from() == null ? " (given explicitly)" : " from stage **" + o.from() + "**");
        b.append(" to stage **").append(o.to()).append("**, on branch `").append(baseBranch).append("`.\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Package | `").append(packageFile).append("` |\n");
        b.append("| Version | `").append(o.version()).append("` |\n");
        b.append("| ").append(o.to()).append(" runs now | ").append(o.previous() == null ? "nothing (new stage)"
                : "`" + o.previous() + "`").append(" |\n");
        if (o.from() != null) {
            b.append("| Live state of ").append(o.from()).append(" | ").append(liveState == null
                    ? "not checked (promoted without requiring it live)" : liveState.replace("|", "\\|"))
                    .append(" |\n");
        }
        if (o.downgrade()) {
            b.append("| Rollback | allowed on purpose (`packaging.carvel.dev/downgradable` set) |\n");
        }
        b.append(changes(o.commit()));
        b.append("\n<!-- carvel-gitops promotion: package=").append(o.packageName()).append(" stage=").append(o.to())
                .append(" version=").append(o.version()).append(" -->\n");
        return b.toString();
    }

    /** The change per file with its line counts, then the diff (cut short when long). */
    static String changes(CommitResult commit) {
        StringBuilder b = new StringBuilder("\n### Changes\n\n");
        for (FileChange c : commit.changes()) {
            b.append("- `").append(c.path()).append("`: ").append(c.kind().name().toLowerCase(Locale.ROOT))
                    .append(' ').append(lineCounts(c)).append('\n');
        }
        String diff = commit.diff();
        if (!diff.isEmpty()) {
            b.append("\n<details><summary>Diff</summary>\n\n```diff\n");
            b.append(diff.length() > MAX_DIFF_CHARS ? diff.substring(0, MAX_DIFF_CHARS) + "\n… (diff cut short)\n"
                    : diff);
            b.append(diff.endsWith("\n") ? "" : "\n").append("```\n\n</details>\n");
        }
        return b.toString();
    }

    /** {@code (+added −removed)} lines, counted plainly (a changed line counts once each way). */
    static String lineCounts(FileChange c) {
        String[] before = c.before() == null ? new String[0] : c.before().split("\n", -1);
        String[] after = c.after() == null ? new String[0] : c.after().split("\n", -1);
        java.util.Map<String, Integer> remaining = new java.util.HashMap<>();
        for (String line : before) {
            remaining.merge(line, 1, Integer::sum);
        }
        int added = 0;
        for (String line : after) {
            Integer n = remaining.get(line);
            if (n == null || n == 0) {
                added++;
            } else {
                remaining.put(line, n - 1);
            }
        }
        int removed = remaining.values().stream().mapToInt(Integer::intValue).sum();
        return "(+" + added + " −" + removed + ")";
    }
}
