package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
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
 * what {@code fluxVerify} checks when given no stages. It also carries the engine's document of the
 * outcome, which the step returns; the build's record ({@link #forRecord()}) keeps none.
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
    private final LinkedHashMap<String, Object> pullRequest;
    /** The engine's document of the outcome (the step's return value); null in a build's record. */
    private final LinkedHashMap<String, Object> document;

    private Delivery(Builder b) {
        this.kind = b.kind;
        this.packageName = b.packageName;
        this.version = b.version;
        this.stages = new ArrayList<>(b.stages);
        this.commit = b.commit;
        this.changed = b.changed;
        this.dryRun = b.dryRun;
        this.repositoryUrl = b.repositoryUrl;
        this.branch = b.branch;
        this.files = new ArrayList<>(b.files);
        this.changedFiles = new ArrayList<>(b.changedFiles);
        this.diff = b.diff == null ? "" : b.diff;
        this.from = b.from;
        this.previous = b.previous;
        this.downgrade = b.downgrade;
        this.pullRequest = b.pullRequest == null ? null : new LinkedHashMap<>(b.pullRequest);
        this.document = b.document == null ? null : new LinkedHashMap<>(b.document);
    }

    /** @param kind {@code render} or {@code promote} */
    public static Builder builder(String kind, String packageName, String version) {
        return new Builder(kind, packageName, version);
    }

    /** A delivery field by field; what is not set is empty, false or null. */
    public static final class Builder {

        private final String kind;
        private final String packageName;
        private final String version;
        private List<String> stages = List.of();
        private String commit;
        private boolean changed;
        private boolean dryRun;
        private String diff;
        private String repositoryUrl;
        private String branch;
        private List<String> files = List.of();
        private List<String> changedFiles = List.of();
        private String from;
        private String previous;
        private boolean downgrade;
        private Map<String, Object> pullRequest;
        private Map<String, Object> document;

        private Builder(String kind, String packageName, String version) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.packageName = Objects.requireNonNull(packageName, "packageName");
            this.version = Objects.requireNonNull(version, "version");
        }

        /** The stages whose desired state changed (or would), in promotion order. */
        public Builder stages(List<String> stages) {
            this.stages = List.copyOf(stages);
            return this;
        }

        /** The commit pushed, or the unchanged head (null for a dry run of an empty repository), and whether it is new. */
        public Builder commit(String sha, boolean changed) {
            this.commit = sha;
            this.changed = changed;
            return this;
        }

        /** A dry run keeps its unified diff. */
        public Builder dryRun(boolean dryRun, String diff) {
            this.dryRun = dryRun;
            this.diff = dryRun ? diff : "";
            return this;
        }

        /** The GitOps repository as the config names it (never with credentials) and its branch. */
        public Builder repository(String url, String branch) {
            this.repositoryUrl = url;
            this.branch = branch;
            return this;
        }

        public Builder files(List<String> files, List<String> changedFiles) {
            this.files = List.copyOf(files);
            this.changedFiles = List.copyOf(changedFiles);
            return this;
        }

        /** A promotion's source stage (null when the version was given), the version replaced, and whether it is a rollback. */
        public Builder promotion(String from, String previous, boolean downgrade) {
            this.from = from;
            this.previous = previous;
            this.downgrade = downgrade;
            return this;
        }

        public Builder pullRequest(Map<String, Object> summary) {
            pullRequest = summary;
            return this;
        }

        public Builder document(Map<String, Object> doc) {
            document = doc;
            return this;
        }

        public Delivery build() {
            return new Delivery(this);
        }
    }

    /** The longest dry-run diff a build keeps in its record; the step's return value holds the whole diff. */
    public static final int RECORDED_DIFF_LIMIT = 16_384;

    /**
     * This delivery as the build keeps it: no document, and the dry-run diff cut at the last line end
     * within {@link #RECORDED_DIFF_LIMIT} characters, with a line saying how many lines were left out.
     */
    public Delivery forRecord() {
        String kept = diff;
        if (diff.length() > RECORDED_DIFF_LIMIT) {
            int cut = diff.lastIndexOf('\n', RECORDED_DIFF_LIMIT - 1) + 1;
            if (cut == 0) {
                cut = RECORDED_DIFF_LIMIT;
            }
            long omitted = diff.substring(cut).lines().count();
            kept = diff.substring(0, cut) + "\u2026 " + omitted + " more lines (the step's result has the whole diff)\n";
        }
        return builder(kind, packageName, version).stages(stages).commit(commit, changed).dryRun(dryRun, kept)
                .repository(repositoryUrl, branch).files(files, changedFiles).promotion(from, previous, downgrade)
                .pullRequest(pullRequest).build();
    }

    /** From the engine's render outcome (on the agent); {@code document} is what the step returns. */
    public static Delivery rendered(RenderOutcome o, Document document, Map<String, Object> pullRequest,
            String repositoryUrl, String branch) {
        DeliveryPlan plan = o.plan();
        return builder("render", plan.packageName(), plan.version().text()).stages(plan.stages())
                .commit(o.commit().sha(), o.commit().changed()).dryRun(o.dryRun(), o.commit().diff())
                .repository(repositoryUrl, branch)
                .files(plan.files().stream().map(RepoFile::path).toList(), changedPaths(o.commit()))
                .pullRequest(pullRequest).document(document.map()).build();
    }

    /** From the engine's promotion outcome (on the agent); its stages are the one stage changed. */
    public static Delivery promoted(PromoteOutcome o, Document document, Map<String, Object> pullRequest,
            String repositoryUrl, String branch) {
        List<String> changed = changedPaths(o.commit());
        return builder("promote", o.packageName(), o.version()).stages(List.of(o.to()))
                .commit(o.commit().sha(), o.changed()).dryRun(o.dryRun(), o.commit().diff())
                .repository(repositoryUrl, branch).files(changed, changed)
                .promotion(o.from(), o.previous(), o.downgrade()).pullRequest(pullRequest).document(document.map())
                .build();
    }

    private static List<String> changedPaths(CommitResult c) {
        return c.changes().stream().map(FileChange::path).toList();
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

    /** What the step returns: the engine's document of the outcome; null in a build's record. */
    public LinkedHashMap<String, Object> getDocument() {
        return document == null ? null : new LinkedHashMap<>(document);
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
