package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * {@link GitopsHistory} over a repository on this machine (a working copy or a bare clone). Each call
 * opens and closes the repository, so an instance can be kept and shared across threads.
 */
public final class JGitHistory implements GitopsHistory {

    private final Path folder;

    /** @param folder a working copy (holding {@code .git}) or a bare repository */
    public JGitHistory(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public boolean isAncestor(String ancestorSha, String descendantSha) {
        if (ancestorSha == null || descendantSha == null) {
            return false;
        }
        if (ancestorSha.equalsIgnoreCase(descendantSha)) {
            return true;
        }
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId a = parse(ancestorSha);
            ObjectId d = parse(descendantSha);
            if (a == null || d == null) {
                return false;
            }
            RevCommit ancestor = walk.parseCommit(a);
            RevCommit descendant = walk.parseCommit(d);
            return walk.isMergedInto(ancestor, descendant);
        } catch (MissingObjectException e) {
            return false;
        } catch (IOException e) {
            throw new GitopsGitException("cannot read the history in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether the commit is in this repository (a clone may not have fetched it yet). */
    public boolean has(String sha) {
        try (Repository repo = open()) {
            ObjectId id = parse(sha);
            return id != null && repo.getObjectDatabase().has(id);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether the history is cut (a clone fetched at a depth): a walk may end before the root. */
    public boolean isShallow() {
        try (Repository repo = open()) {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            throw new GitopsGitException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> head(String branch) {
        try (Repository repo = open()) {
            ObjectId id = repo.resolve(Constants.R_HEADS + branch);
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (IOException e) {
            throw new GitopsGitException("cannot read branch " + branch + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> read(String sha, String path) {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = parse(sha);
            if (id == null) {
                return Optional.empty();
            }
            RevCommit commit = walk.parseCommit(id);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tw == null || tw.isSubtree()) {
                    return Optional.empty();
                }
                return Optional.of(new String(repo.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        } catch (MissingObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new GitopsGitException("cannot read " + path + " at " + Revisions.shortSha(sha) + " in " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String sha, String folderPath) {
        List<String> names = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId id = parse(sha);
            if (id == null) {
                return names;
            }
            RevCommit commit = walk.parseCommit(id);
            String dir = folderPath.replaceAll("/+$", "");
            try (TreeWalk tw = dir.isEmpty() ? new TreeWalk(repo) : TreeWalk.forPath(repo, dir, commit.getTree())) {
                if (tw == null) {
                    return names;
                }
                if (dir.isEmpty()) {
                    tw.addTree(commit.getTree());
                } else {
                    if (!tw.isSubtree()) {
                        return names;
                    }
                    tw.enterSubtree();
                }
                tw.setRecursive(false);
                while (tw.next()) {
                    names.add(tw.getNameString());
                }
            }
        } catch (MissingObjectException e) {
            return names;
        } catch (IOException e) {
            throw new GitopsGitException("cannot list " + folderPath + " in " + folder + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    @Override
    public List<String> commitsStartingWith(String prefix) {
        List<String> shas = new ArrayList<>();
        if (!AbbreviatedObjectId.isId(prefix)) {
            return shas;
        }
        try (Repository repo = open(); ObjectReader reader = repo.newObjectReader()) {
            for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(prefix))) {
                if (reader.open(id).getType() == Constants.OBJ_COMMIT) {
                    shas.add(id.name());
                }
            }
        } catch (IOException e) {
            throw new GitopsGitException("cannot look up commit " + prefix + " in " + folder + ": " + e.getMessage(), e);
        }
        return shas;
    }

    private Repository open() throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = folder.resolve(".git");
        if (dotGit.toFile().isDirectory()) {
            builder.setGitDir(dotGit.toFile());
        } else {
            builder.setGitDir(folder.toFile());
        }
        try {
            return builder.build();
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new GitopsGitException(folder + " is not a Git repository; point repository.url at the GitOps "
                    + "repository", e);
        }
    }

    private static ObjectId parse(String sha) {
        return ObjectId.isId(sha.toLowerCase(java.util.Locale.ROOT)) ? ObjectId.fromString(sha.toLowerCase(
                java.util.Locale.ROOT)) : null;
    }
}
