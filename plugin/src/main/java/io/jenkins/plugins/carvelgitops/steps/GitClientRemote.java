package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.EnvVars;
import hudson.model.TaskListener;
import hudson.plugins.git.GitException;
import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.git.BranchContent;
import io.jenkins.plugins.carvelgitops.engine.git.CommitIdentity;
import io.jenkins.plugins.carvelgitops.engine.git.FileChange;
import io.jenkins.plugins.carvelgitops.engine.git.GitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsGitException;
import io.jenkins.plugins.carvelgitops.engine.git.Urls;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.jenkinsci.plugins.gitclient.FetchCommand;
import org.jenkinsci.plugins.gitclient.Git;
import org.jenkinsci.plugins.gitclient.GitClient;

/**
 * The engine's {@link GitRemote} port over git-client, on the agent that holds the workspace. The
 * working copy is a fresh folder beside the workspace ({@code <workspace>@tmp/gitops-…}, see
 * {@link ScratchFolders}) holding only the one branch, at depth 1 for publishing or in full for verify
 * ({@link #openFullHistory}); it is deleted when the session closes, so nothing is left behind. The
 * credential reaches git-client in memory only ({@code addDefaultCredentials}); the URL in the
 * working copy's configuration is the URL as configured, without user info. Messages never carry the
 * secret.
 */
final class GitClientRemote implements GitRemote {

    /** git-client implementation: JGit keeps the credential in memory, never on disk. */
    static final String IMPLEMENTATION = "jgit";
    /** git-client timeouts are minutes. */
    private static final int TIMEOUT_MINUTES = 2;

    private final String url;
    private final String branch;
    private final Path dir;
    private final GitClient client;
    private final StandardUsernamePasswordCredentials credential;
    private final PersonIdent identity;
    private final ProgressListener progress;
    private final GitClientFailures failures;
    /** Whether {@link #sync} fetches the whole history (for verify) rather than the head alone. */
    private final boolean fullHistory;
    /** Whether HEAD has a commit (a fresh or emptied working copy has an unborn HEAD). */
    private boolean headBorn;

    private GitClientRemote(String url, String branch, Path dir, GitClient client,
            StandardUsernamePasswordCredentials credential, PersonIdent identity, ProgressListener progress,
            boolean fullHistory) {
        this.url = url;
        this.branch = branch;
        this.dir = dir;
        this.client = client;
        this.credential = credential;
        this.identity = identity;
        this.progress = progress;
        this.fullHistory = fullHistory;
        this.failures = new GitClientFailures(url, describe(), credential);
    }

    /**
     * Opens a session in a new folder under {@code scratch}.
     *
     * @param credential the Git credential, or null for none (public repositories, file://)
     */
    static GitClientRemote open(String url, String branch, Path scratch, StandardUsernamePasswordCredentials credential,
            CommitSpec commit, GitSettings settings, TaskListener listener, ProgressListener progress) {
        return open(url, branch, scratch, credential, commit, settings, listener, progress, false);
    }

    /**
     * A session whose {@link #sync} fetches the branch's whole history, for reading it (verify): the same
     * transport, credential and Git settings as publishing.
     */
    static GitClientRemote openFullHistory(String url, String branch, Path scratch,
            StandardUsernamePasswordCredentials credential, GitSettings settings, TaskListener listener,
            ProgressListener progress) {
        return open(url, branch, scratch, credential, CommitSpec.DEFAULT, settings, listener, progress, true);
    }

    private static GitClientRemote open(String url, String branch, Path scratch,
            StandardUsernamePasswordCredentials credential, CommitSpec commit, GitSettings settings,
            TaskListener listener, ProgressListener progress, boolean fullHistory) {
        Path dir = null;
        try {
            dir = ScratchFolders.create(scratch);
            Git git = Git.with(listener, new EnvVars(settings.environment())).in(dir.toFile()).using(IMPLEMENTATION);
            if (settings.hostKeys() != null) {
                git = git.withHostKeyVerifierFactory(settings.hostKeys());
            }
            GitClient client = git.getClient();
            if (credential != null) {
                client.addDefaultCredentials(credential);
            }
            PersonIdent who = CommitIdentity.resolve(commit, null);
            client.setAuthor(who.getName(), who.getEmailAddress());
            client.setCommitter(who.getName(), who.getEmailAddress());
            return new GitClientRemote(url, branch, dir, client, credential, who, progress, fullHistory);
        } catch (IOException | GitException e) {
            ScratchFolders.deleteQuietly(dir);
            throw new GitopsGitException("cannot prepare a working copy of " + Urls.withoutCredentials(url) + ": "
                    + GitClientMessages.redact(e.getMessage(), GitClientFailures.secret(credential)), null);
        } catch (InterruptedException e) {
            ScratchFolders.deleteQuietly(dir);
            Thread.currentThread().interrupt();
            throw new GitopsGitException("interrupted while preparing a working copy; nothing was pushed", e);
        }
    }

    @Override
    public String describe() {
        return Urls.withoutCredentials(url) + " (branch " + branch + ")";
    }

    @Override
    public Path workTree() {
        return dir;
    }

    @Override
    public String sync() {
        try {
            if (headRev() == null) {
                progress.action(describe() + " does not exist yet; the first commit creates it");
                startEmpty();
                return null;
            }
            if (!client.hasGitRepo()) {
                client.init_().workspace(dir.toString()).execute();
            }
            try {
                FetchCommand fetch = client.fetch_().from(uri(), List.of(new RefSpec("+" + Constants.R_HEADS + branch
                        + ":" + tracking()))).tags(false).timeout(TIMEOUT_MINUTES);
                (fullHistory ? fetch : fetch.shallow(true).depth(1)).execute();
            } catch (GitException e) {
                if (headRev() == null) {
                    // deleted between the listing and the fetch: start from nothing, as for a new branch
                    startEmpty();
                    return null;
                }
                throw e;
            }
            // the branch may have moved since the listing: what was fetched is the head
            ObjectId head = client.revParse(tracking());
            // with a commit at HEAD, move the branch to the fetched head (reset hard); else create it there
            client.checkout().ref(head.name()).branch(branch).deleteBranchIfExist(headBorn).execute();
            headBorn = true;
            client.clean();
            return head.name();
        } catch (GitException e) {
            throw failures.translate("fetch from", e);
        } catch (InterruptedException e) {
            throw failures.interrupted();
        }
    }

    @Override
    public String commit(List<FileChange> changes, String message) {
        try {
            List<String> removals = new ArrayList<>();
            for (FileChange change : changes) {
                if (change.kind() == FileChange.Kind.REMOVED) {
                    removals.add(change.path());
                } else {
                    client.add(change.path());
                }
            }
            if (!removals.isEmpty()) {
                // git-client has no remove; its repository callback runs here, on the same working copy
                client.withRepository((repo, channel) -> {
                    try (org.eclipse.jgit.api.Git g = org.eclipse.jgit.api.Git.wrap(repo)) {
                        var rm = g.rm();
                        removals.forEach(rm::addFilepattern);
                        rm.call();
                    } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
                        throw new IOException(e.getMessage(), e);
                    }
                    return null;
                });
            }
            client.commit(message);
            headBorn = true;
            return client.revParse(Constants.HEAD).name();
        } catch (GitException | IOException e) {
            throw new GitopsGitException("commit failed in the working copy of " + describe() + " (as "
                    + identity.getName() + "): " + failures.redact(e.getMessage()), null);
        } catch (InterruptedException e) {
            throw failures.interrupted();
        }
    }

    @Override
    public PushStatus push(String commit) {
        try {
            client.push().to(uri()).ref(Constants.HEAD + ":" + Constants.R_HEADS + branch).timeout(TIMEOUT_MINUTES)
                    .execute();
            return PushStatus.PUSHED;
        } catch (GitException e) {
            if (GitClientMessages.isRejectedPush(e.getMessage())) {
                return PushStatus.REJECTED;
            }
            throw failures.translate("push to", e);
        } catch (InterruptedException e) {
            throw failures.interrupted();
        }
    }

    @Override
    public BranchPush pushBranch(String commit, String target) {
        try {
            ObjectId existing = client.getHeadRev(url, Constants.R_HEADS + target);
            if (existing != null) {
                client.fetch_().from(uri(), List.of(new RefSpec("+" + Constants.R_HEADS + target + ":"
                        + Constants.R_REMOTES + "origin/" + target))).tags(false).shallow(true).depth(1)
                        .timeout(TIMEOUT_MINUTES).execute();
                ObjectId ours = ObjectId.fromString(commit);
                if (client.withRepository((repo, channel) -> BranchContent.same(repo, existing, ours))) {
                    return new BranchPush(existing.name(), false);
                }
            }
            // a promotion branch is ours: replace what an earlier promotion of the same version left
            client.push().to(uri()).ref(Constants.HEAD + ":" + Constants.R_HEADS + target).force(true)
                    .timeout(TIMEOUT_MINUTES).execute();
            return new BranchPush(commit, true);
        } catch (GitException e) {
            throw failures.translate("push to", e);
        } catch (IOException e) {
            throw new GitopsGitException("cannot compare branch " + target + " in the working copy of " + describe()
                    + ": " + failures.redact(e.getMessage()), null);
        } catch (InterruptedException e) {
            throw failures.interrupted();
        }
    }

    @Override
    public void close() {
        ScratchFolders.deleteQuietly(dir);
    }

    @Override
    public String remoteHead() {
        try {
            ObjectId head = headRev();
            return head == null ? null : head.name();
        } catch (GitException e) {
            throw failures.translate("reading the branch of", e);
        } catch (InterruptedException e) {
            throw failures.interrupted();
        }
    }

    private ObjectId headRev() throws InterruptedException {
        return client.getHeadRev(url, Constants.R_HEADS + branch);
    }

    private String tracking() {
        return Constants.R_REMOTES + "origin/" + branch;
    }

    private URIish uri() {
        try {
            return new URIish(url);
        } catch (URISyntaxException e) {
            throw new GitopsGitException("repository.url '" + Urls.withoutCredentials(url) + "' is not a Git URL",
                    null);
        }
    }

    /** An empty working copy on an unborn branch: the first commit creates the remote branch. */
    private void startEmpty() throws InterruptedException {
        try {
            ScratchFolders.deleteContents(dir);
        } catch (IOException e) {
            throw new GitopsGitException("cannot empty the working copy of " + describe() + ": " + e.getMessage(), e);
        }
        client.init_().workspace(dir.toString()).execute();
        headBorn = false;
    }
}
