package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.ui.CommitLinks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a render or promote did to the GitOps repository. It comes back from the agent, is recorded on
 * the build ({@code build.xml}, so a plain class with JDK-typed fields rather than a record), and is
 * what {@code fluxVerify} checks when given no stages.
 */
public final class Delivery implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String packageName;
    private final String version;
    private final ArrayList<String> stages;
    private final String commit;
    private final boolean changed;
    private final boolean dryRun;
    private final String repositoryUrl;
    private final String branch;
    private final ArrayList<String> files;
    private final ArrayList<String> changedFiles;
    private final String diff;
    private final String from;
    private final String previous;
    private final boolean downgrade;
    /** The promotion's pull request (provider, number, url, …) when it went through one; else null. */
    private LinkedHashMap<String, Object> pullRequest;

    /**
     * @param kind          {@code render} or {@code promote}
     * @param stages        the stages whose desired state changed (or would), in promotion order
     * @param commit        the commit pushed, or the unchanged head; null for a dry run of an empty repository
     * @param repositoryUrl the GitOps repository as the config names it (never with credentials)
     * @param diff          the unified diff (dry runs only)
     */
    public Delivery(String kind, String packageName, String version, List<String> stages, String commit,
            boolean changed, boolean dryRun, String repositoryUrl, String branch, List<String> files,
            List<String> changedFiles, String diff) {
        this(kind, packageName, version, stages, commit, changed, dryRun, repositoryUrl, branch, files, changedFiles,
                diff, null, null, false);
    }

    private Delivery(String kind, String packageName, String version, List<String> stages, String commit,
            boolean changed, boolean dryRun, String repositoryUrl, String branch, List<String> files,
            List<String> changedFiles, String diff, String from, String previous, boolean downgrade) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.packageName = Objects.requireNonNull(packageName, "packageName");
        this.version = Objects.requireNonNull(version, "version");
        this.stages = new ArrayList<>(stages);
        this.commit = commit;
        this.changed = changed;
        this.dryRun = dryRun;
        this.repositoryUrl = repositoryUrl;
        this.branch = branch;
        this.files = new ArrayList<>(files);
        this.changedFiles = new ArrayList<>(changedFiles);
        this.diff = diff == null ? "" : diff;
        this.from = from;
        this.previous = previous;
        this.downgrade = downgrade;
    }

    /** The longest dry-run diff a build keeps in its record; the step's return value holds the whole diff. */
    public static final int RECORDED_DIFF_LIMIT = 16_384;

    /**
     * This delivery as the build keeps it: the dry-run diff cut at the last line end within
     * {@link #RECORDED_DIFF_LIMIT} characters, with a line saying how many lines were left out.
     */
    public Delivery forRecord() {
        if (diff.length() <= RECORDED_DIFF_LIMIT) {
            return this;
        }
        int cut = diff.lastIndexOf('\n', RECORDED_DIFF_LIMIT - 1) + 1;
        if (cut == 0) {
            cut = RECORDED_DIFF_LIMIT;
        }
        long omitted = diff.substring(cut).lines().count();
        String kept = diff.substring(0, cut) + "\u2026 " + omitted + " more lines (the step's result has the whole diff)\n";
        return new Delivery(kind, packageName, version, stages, commit, changed, dryRun, repositoryUrl, branch, files,
                changedFiles, kept, from, previous, downgrade);
    }

    /** From the engine's outcome (on the agent). */
    public static Delivery of(String kind, DeliveryPlan plan, CommitResult commit, boolean dryRun,
            String repositoryUrl, String branch) {
        return new Delivery(kind, plan.packageName(), plan.version().text(), plan.stages(), commit.sha(),
                commit.changed(), dryRun, repositoryUrl, branch,
                plan.files().stream().map(f -> f.path()).toList(),
                commit.changes().stream().map(FileChange::path).toList(), dryRun ? commit.diff() : "");
    }

    /** From the engine's promotion outcome (on the agent); its stages are the one stage changed. */
    public static Delivery of(PromoteOutcome o, String repositoryUrl, String branch) {
        List<String> changed = o.commit().changes().stream().map(FileChange::path).toList();
        return new Delivery("promote", o.packageName(), o.version(), List.of(o.to()), o.commit().sha(), o.changed(),
                o.dryRun(), repositoryUrl, branch, changed, changed, o.dryRun() ? o.commit().diff() : "", o.from(),
                o.previous(), o.downgrade());
    }

    public String getKind() {
        return kind;
    }

    public String getPackageName() {
        return packageName;
    }

    public String getVersion() {
        return version;
    }

    public List<String> getStages() {
        return List.copyOf(stages);
    }

    public String getCommit() {
        return commit;
    }

    public String getShortCommit() {
        return Revisions.shortSha(commit);
    }

    /** The commit's web page when the repository is on a known host, else null. */
    public String getCommitUrl() {
        return CommitLinks.commitUrl(repositoryUrl, commit);
    }

    public boolean isChanged() {
        return changed;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public String getRepositoryUrl() {
        return repositoryUrl;
    }

    public String getBranch() {
        return branch;
    }

    public List<String> getFiles() {
        return List.copyOf(files);
    }

    public List<String> getChangedFiles() {
        return List.copyOf(changedFiles);
    }

    public String getDiff() {
        return diff;
    }

    /** For a promotion: the stage the version was read from; null when it was given explicitly (or a render). */
    public String getFrom() {
        return from;
    }

    /** For a promotion: the version the stage ran before; null for a new stage (or a render). */
    public String getPrevious() {
        return previous;
    }

    /** For a promotion: whether it moved the stage to a lower version (a rollback). */
    public boolean isDowngrade() {
        return downgrade;
    }

    public Map<String, Object> getPullRequest() {
        return pullRequest == null ? null : new LinkedHashMap<>(pullRequest);
    }

    /** Set once on the agent, before the delivery travels back. */
    void setPullRequest(Map<String, Object> summary) {
        this.pullRequest = new LinkedHashMap<>(summary);
    }

    /** One line for the build log and the build page. */
    public String summary() {
        String what = packageName + " " + version + " " + (from == null ? "" : from + " ") + "\u2192 "
                + String.join(", ", stages) + (previous == null ? "" : " (was " + previous + ")")
                + (downgrade ? ", a rollback" : "");
        if (dryRun) {
            return kind + " (dry run) " + what + ": " + changedFiles.size() + " of " + files.size()
                    + " files would change; nothing written";
        }
        return kind + " " + what + ": " + (changed ? "committed " + getShortCommit()
                : "no change" + (commit == null ? "" : " (head " + getShortCommit() + ")"));
    }
}
