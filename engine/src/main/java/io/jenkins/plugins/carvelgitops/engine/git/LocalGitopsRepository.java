package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The embedded default: a GitOps repository in a local folder, created when absent, committed into
 * directly. No remote, no server. Only the paths of the change are staged and committed, so other
 * work in the folder is left alone.
 */
public final class LocalGitopsRepository implements GitopsRepository {

    /** How long a run waits for another carvel-gitops run on the same folder. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(2);

    private final Path folder;
    private final String branch;
    private final CommitSpec identity;
    private final ProgressListener listener;

    public LocalGitopsRepository(Path folder, String branch, CommitSpec identity, ProgressListener listener) {
        this.folder = folder.toAbsolutePath().normalize();
        this.branch = branch;
        this.identity = identity;
        this.listener = listener;
    }

    /** What the change would do, without touching anything (the folder need not exist). */
    @Override
    public CommitResult dryRun(ChangePlanner planner) {
        List<FileChange> changes;
        if (Files.isDirectory(folder.resolve(".git"))) {
            try (Git git = Git.open(folder.toFile())) {
                changes = plan(git.getRepository(), planner).changes();
            } catch (IOException e) {
                throw new GitopsGitException("cannot open the repository in " + folder + ": " + e.getMessage(), e);
            }
        } else {
            Change change = planner.plan(RepositoryView.EMPTY);
            changes = workTree().changes(change.files(), List.of(), path -> null);
        }
        return new CommitResult(currentHead(), false, changes, WorkTree.unifiedDiff(changes));
    }

    /**
     * Applies and commits the change; with nothing to change, makes no commit and returns the head.
     * Planned on HEAD's tree and measured against it, so whatever a killed run left in the working tree
     * or the index of the package's folders is redone in full; the user's staged work elsewhere is
     * refused, never committed.
     */
    @Override
    public CommitResult publish(ChangePlanner planner) {
        if (!Files.isDirectory(folder.resolve(".git"))) {
            planner.plan(RepositoryView.EMPTY); // validate before creating anything
        }
        try (Git git = openOrCreate();
                FolderLock lock = FolderLock.forRepository(git.getRepository().getDirectory().toPath(), LOCK_WAIT,
                        listener)) {
            Repository repo = git.getRepository();
            Path gitDir = repo.getDirectory().toPath();
            GitLocks.clearOurs(gitDir, branch, folder);
            Planned planned = plan(repo, planner);
            WorkTree tree = planned.tree();
            Change change = planned.change();
            tree.clearLeftovers(change.files());
            List<FileChange> changes = planned.changes();
            if (changes.isEmpty()) {
                tidy(repo, planned);
                listener.success("nothing to change: " + branch + " already holds this content");
                return new CommitResult(planned.head() == null ? null : planned.head().name(), false, changes, "");
            }
            List<String> foreign = OwnedIndex.foreignStaged(repo, planned.head(), change.owned());
            if (!foreign.isEmpty()) {
                throw new GitopsGitException(folder + " has staged changes that are not ours (" + foreign.get(0)
                        + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "") + "); commit or "
                        + "unstage them first (git -C " + folder + " status)");
            }
            tree.apply(changes);
            GitLocks.begin(gitDir);
            try {
                OwnedIndex.restore(repo, planned.head(), change.owned());
                RevCommit commit = Commits.commit(git, changes, change.message(), identity);
                return new CommitResult(commit.name(), true, changes, WorkTree.unifiedDiff(changes));
            } catch (GitAPIException | RuntimeException e) {
                restore(tree, changes, e);
                try {
                    OwnedIndex.restore(repo, planned.head(), change.owned());
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw new GitopsGitException("commit failed in " + folder + ": " + Failures.rootMessage(e), e);
            } finally {
                GitLocks.end(gitDir);
            }
        }
    }

    /** A change planned on HEAD, its paths checked in HEAD's tree and on disk, and what it changes. */
    private record Planned(ObjectId head, WorkTree tree, Change change, List<FileChange> changes) {
    }

    private Planned plan(Repository repo, ChangePlanner planner) {
        ObjectId head = resolveHead(repo);
        CommittedTree committed = CommittedTree.at(repo, head, label());
        Change change = planner.plan(committed);
        committed.checkFiles(change.paths());
        WorkTree tree = workTree();
        tree.check(change);
        List<FileChange> changes = tree.changes(change.files(), change.removals(),
                committed.contents(change.paths())::get);
        return new Planned(head, tree, change, changes);
    }

    /**
     * Nothing to commit, yet a killed run may have left newer files or staged entries in the package's
     * folders: put those paths back to what is committed, so the working copy is clean again.
     */
    private void tidy(Repository repo, Planned planned) {
        WorkTree tree = planned.tree();
        Change change = planned.change();
        List<FileChange> stale = tree.changes(change.files(), change.removals(), tree::read);
        if (!stale.isEmpty()) {
            tree.apply(stale);
        }
        OwnedIndex.restore(repo, planned.head(), change.owned());
    }

    private WorkTree workTree() {
        return new WorkTree(folder, label());
    }

    private String label() {
        return folder.toString();
    }

    private static void restore(WorkTree tree, List<FileChange> changes, Exception cause) {
        try {
            tree.apply(changes.stream().map(c -> new FileChange(c.path(), c.kind(), c.after(), c.before())).toList());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private ObjectId resolveHead(Repository repo) {
        try {
            return repo.resolve(Constants.HEAD);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read HEAD in " + folder + ": " + e.getMessage(), e);
        }
    }

    private String currentHead() {
        if (!Files.isDirectory(folder.resolve(".git"))) {
            return null;
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(folder.resolve(".git").toFile()).build()) {
            ObjectId head = repo.resolve(Constants.HEAD);
            return head == null ? null : head.name();
        } catch (IOException e) {
            throw new GitopsGitException("cannot read the repository in " + folder + ": " + e.getMessage(), e);
        }
    }

    private Git openOrCreate() {
        try {
            if (!Files.isDirectory(folder.resolve(".git"))) {
                if (Files.exists(folder) && !isEmptyDir(folder) && !Files.isDirectory(folder.resolve(".git"))) {
                    throw new GitopsGitException(folder + " exists and is not a Git repository; point repository.url "
                            + "at an empty or absent folder, or at a Git working copy");
                }
                listener.action("creating a Git repository in " + folder + " (branch " + branch + ")");
                createAtomically();
            }
            Git git = Git.open(folder.toFile());
            checkBranch(git);
            return git;
        } catch (IOException | GitAPIException e) {
            throw new GitopsGitException("cannot open or create the repository in " + folder + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Initialises the repository beside its place and renames it in, so that a run interrupted at any
     * moment leaves either no repository or a whole one, never a half-made {@code .git}. When another run
     * renames its repository in first, the rename fails (the target is no longer empty) and theirs is used:
     * the caller then waits for that run's lock like any later run.
     */
    private void createAtomically() throws IOException, GitAPIException {
        Path parent = folder.getParent();
        Files.createDirectories(parent);
        // one staging folder per run: two first runs at once must not share it
        Path staging = Files.createTempDirectory(parent, "." + folder.getFileName() + ".carvel-gitops-init-");
        try {
            Git.init().setDirectory(staging.toFile()).setInitialBranch(branch).call().close();
            if (Files.exists(folder)) {
                Files.move(staging.resolve(".git"), folder.resolve(".git"), StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // rename(2) reports a lost race as EEXIST or ENOTEMPTY, which Java maps to differing exceptions
            if (!Files.isDirectory(folder.resolve(".git"))) {
                throw e;
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void checkBranch(Git git) throws IOException {
        String current = git.getRepository().getBranch();
        if (!branch.equals(current)) {
            throw new GitopsGitException(folder + " has branch '" + current + "' checked out, but repository.branch "
                    + "is '" + branch + "'; check out " + branch + " there or change repository.branch");
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var entries = Files.list(p)) {
            return entries.findAny().isEmpty();
        }
    }
}
