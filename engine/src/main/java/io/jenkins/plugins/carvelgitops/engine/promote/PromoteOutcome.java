package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import java.util.List;
import java.util.Objects;

/**
 * What a promotion did.
 *
 * @param packageName the Package refName
 * @param version     the version {@code to} now pins
 * @param from        the stage the version was read from; null when it was given explicitly
 * @param to          the stage that was changed
 * @param previous    what {@code to} ran before; null when the stage had no PackageInstall
 * @param downgrade   true for a rollback to a lower version
 * @param commit      the commit (or, for a dry run, what would change)
 */
public record PromoteOutcome(String packageName, String version, String from, String to, String previous,
        boolean downgrade, CommitResult commit, boolean dryRun) {

    public PromoteOutcome {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(commit, "commit");
    }

    public boolean changed() {
        return commit.changed();
    }

    /**
     * package, version, stages (the one stage changed), from, to, previous, downgrade, dryRun, commit,
     * changed (for a dry run: whether something would change), changedFiles, and for a dry run the diff.
     */
    public Document toDocument() {
        return new Document().put("package", packageName).put("version", version).put("stages", List.of(to))
                .put("from", from).put("to", to).put("previous", previous).put("downgrade", downgrade)
                .put("dryRun", dryRun).put("commit", commit.sha())
                .put("changed", dryRun ? !commit.changes().isEmpty() : commit.changed())
                .put("changedFiles", commit.changes().stream().map(FileChange::path).toList())
                .putIf(dryRun, "diff", commit.diff());
    }
}
