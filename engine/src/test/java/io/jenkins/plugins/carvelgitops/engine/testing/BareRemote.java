package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare Git repository on disk acting as the remote, with what tests need to inspect it: the branch
 * head, a file at the head, the first-parent history, and "someone else pushes" from a separate clone.
 */
public final class BareRemote {

    private final Path dir;
    private final String branch;

    private BareRemote(Path dir, String branch) {
        this.dir = dir;
        this.branch = branch;
    }

    /** Creates an empty bare repository at {@code dir} whose HEAD names {@code branch}. */
    public static BareRemote create(Path dir, String branch) throws Exception {
        Files.createDirectories(dir);
        try (Git git = Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch(branch).call()) {
            git.getRepository().getConfig().setBoolean("http", null, "receivepack", true);
            git.getRepository().getConfig().save();
        }
        return new BareRemote(dir, branch);
    }

    public Path dir() {
        return dir;
    }

    /** {@code file://…} URL of the repository. */
    public String fileUrl() {
        return dir.toUri().toString().replaceFirst("/$", "");
    }

    public String branch() {
        return branch;
    }

    /** The branch head, or null when the branch does not exist. */
    public String head() throws IOException {
        return head(branch);
    }

    /** The head of another branch, or null when it does not exist. */
    public String head(String otherBranch) throws IOException {
        try (Repository repo = open()) {
            ObjectId id = repo.resolve(Constants.R_HEADS + otherBranch);
            return id == null ? null : id.name();
        }
    }

    /** A file's content at the branch head, or null. */
    public String read(String path) throws IOException {
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return null;
            }
            RevCommit commit = walk.parseCommit(head);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tw == null) {
                    return null;
                }
                ObjectLoader loader = repo.open(tw.getObjectId(0));
                return new String(loader.getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The branch's commits, newest first; fails when any commit has more than one parent. */
    public List<RevCommit> linearHistory() throws IOException {
        List<RevCommit> commits = new ArrayList<>();
        try (Repository repo = open(); RevWalk walk = new RevWalk(repo)) {
            ObjectId head = repo.resolve(Constants.R_HEADS + branch);
            if (head == null) {
                return List.of();
            }
            RevCommit c = walk.parseCommit(head);
            while (c != null) {
                if (c.getParentCount() > 1) {
                    throw new AssertionError("merge commit " + c.name() + " in " + branch);
                }
                commits.add(c);
                c = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
            }
        }
        return Collections.unmodifiableList(commits);
    }

    /** Someone else commits {@code files} (null content removes a file) and pushes, from a throwaway clone. */
    public String pushAsSomeoneElse(Path scratch, String message, Map<String, String> files) throws Exception {
        Path work = Files.createTempDirectory(scratch, "other-");
        try (Git git = Git.cloneRepository().setURI(fileUrl()).setDirectory(work.toFile()).setBranch(branch).call()) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = work.resolve(e.getKey());
                if (e.getValue() == null) {
                    git.rm().addFilepattern(e.getKey()).call();
                } else {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, e.getValue());
                    git.add().addFilepattern(e.getKey()).call();
                }
            }
            PersonIdent other = new PersonIdent("Someone Else", "someone@example.invalid");
            RevCommit commit = git.commit().setMessage(message).setAuthor(other).setCommitter(other).setSign(false)
                    .call();
            git.push().setRemote("origin").call();
            return commit.name();
        }
    }

    private Repository open() throws IOException {
        return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    }
}
