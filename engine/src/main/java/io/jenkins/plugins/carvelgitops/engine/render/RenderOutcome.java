package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.RepoFile;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import java.util.Objects;

/** What a render did: the plan, and the commit (or, for a dry run, what would have changed). */
public record RenderOutcome(DeliveryPlan plan, CommitResult commit, boolean dryRun) {

    public RenderOutcome {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(commit, "commit");
    }

    /**
     * package, version, stages, dryRun, commit, changed (for a dry run: whether something would change),
     * files, changedFiles, removedFiles, notes, and for a dry run the diff.
     */
    public Document toDocument() {
        return new Document().put("package", plan.packageName()).put("version", plan.version().text())
                .put("stages", plan.stages()).put("dryRun", dryRun).put("commit", commit.sha())
                .put("changed", dryRun ? !commit.changes().isEmpty() : commit.changed())
                .put("files", plan.files().stream().map(RepoFile::path).toList())
                .put("changedFiles", commit.changes().stream().map(FileChange::path).toList())
                .put("removedFiles", commit.changes().stream().filter(c -> c.kind() == FileChange.Kind.REMOVED)
                        .map(FileChange::path).toList())
                .put("notes", plan.notes())
                .putIf(dryRun, "diff", commit.diff());
    }
}
