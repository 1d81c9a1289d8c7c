package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The engine's {@link GitRemote}: JGit over a reusable clone in a cache folder
 * ({@code <cacheRoot>/<hash of url and branch>/repo}), locked for the whole session. Only the one
 * branch is fetched, at depth 1 when {@link RemoteOptions#shallow()}; a run whose branch has not moved
 * costs one ref listing. The token goes to JGit through a credentials provider only: the URL in
 * {@code .git/config} is the URL as configured, and the provider is never stored.
 */
public final class JGitRemote implements GitRemote {

    private static final int TIMEOUT_SECONDS = 120;

    private final String url;
    private final String branch;
    private final Path repoDir;
    private final RemoteOptions options;
    private final CommitSpec identity;
    private final ProgressListener listener;
    private final FolderLock lock;
    private Git git;
    /** The credentials were accepted in this session (a listing or fetch worked). */
    private boolean reachedWithCredentials;

    private JGitRemote(String url, String branch, Path cacheDir, RemoteOptions options, CommitSpec identity,
            ProgressListener listener, FolderLock lock) {
        this.url = url;
        this.branch = branch;
        this.repoDir = cacheDir.resolve("repo");
        this.options = options;
        this.identity = identity;
        this.listener = listener;
        this.lock = lock;
    }

    /** Opens (and locks) the cached clone of {@code url}'s {@code branch}; waits for another run holding it. */
    public static JGitRemote open(String url, String branch, RemoteOptions options, CommitSpec identity,
            ProgressListener listener) {
        Path cacheDir = options.cacheRoot().resolve(cacheKey(url, branch));
        FolderLock lock = FolderLock.forCache(cacheDir, options.lockTimeout(), listener);
        return new JGitRemote(url, branch, cacheDir, options, identity, listener, lock);
    }

    /** The folder name of a URL and branch in the cache: 16 hex digits of their SHA-256. */
    static String cacheKey(String url, String branch) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((url + "\n" + branch).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String describe() {
        return Urls.withoutCredentials(url) + " (branch " + branch + ")";
    }

    @Override
    public Path workTree() {
        return repoDir;
    }

    @Override
    public String sync() {
        try {
            return syncOnce();
        } catch (GitopsGitException e) {
            if (!(e.getCause() instanceof TransportException) && e.getCause() != null) {
                // Not the network or the server: the cached clone itself is damaged. It holds nothing
                // that is not on the remote, so start it again once.
                listener.warning("the cached clone of " + describe() + " is damaged (" + e.getCause().getClass()
                        .getSimpleName() + "); cloning again");
                discardClone();
                return syncOnce();
            }
            throw e;
        } catch (RuntimeException e) {
            listener.warning("the cached clone of " + describe() + " is damaged (" + e.getClass().getSimpleName()
                    + "); cloning again");
            discardClone();
            return syncOnce();
        }
    }

    private void discardClone() {
        try {
            if (git != null) {
                git.close();
                git = null;
            }
            deleteTree(repoDir);
        } catch (IOException e) {
            throw new GitopsGitException("cannot remove the damaged clone in " + repoDir + ": " + e.getMessage(), e);
        }
    }

    private String syncOnce() {
        try {
            Git g = git();
            ObjectId remoteHead = lsRemote(g);
            reachedWithCredentials = true;
            if (remoteHead == null) {
                listener.action(describe() + " does not exist yet; the first commit creates it");
                resetToEmpty();
                return null;
            }
            Repository repo = g.getRepository();
            ObjectId local = repo.resolve(Constants.R_REMOTES + "origin/" + branch);
            ObjectId head = remoteHead;
            boolean deepen = !options.shallow() && !repo.getObjectDatabase().getShallowCommits().isEmpty();
            if (deepen || !remoteHead.equals(local) || !repo.getObjectDatabase().has(remoteHead)) {
                var fetch = g.fetch().setRemote("origin")
                        .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + Constants.R_REMOTES
                                + "origin/" + branch))
                        .setTagOpt(TagOpt.NO_TAGS);
                if (options.shallow()) {
                    fetch.setDepth(1);
                } else if (repo.getObjectDatabase().getShallowCommits().size() > 0) {
                    // a clone made for publishing is shallow; history readers need all of it
                    fetch.setUnshallow(true);
                }
                // the branch may have moved since the listing: what was fetched is the head
                Ref fetched = authorize(fetch).call().getAdvertisedRef(Constants.R_HEADS + branch);
                if (fetched == null) {
                    resetToEmpty();
                    return null;
                }
                head = fetched.getObjectId();
            }
            g.reset().setMode(ResetCommand.ResetType.HARD).setRef(head.name()).call();
            g.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
            return head.name();
        } catch (GitAPIException | IOException e) {
            throw translate("fetch from", e);
        }
    }

    private ObjectId lsRemote(Git g) throws GitAPIException {
        Collection<Ref> refs = authorize(g.lsRemote().setRemote("origin").setHeads(true)).call();
        for (Ref ref : refs) {
            if (ref.getName().equals(Constants.R_HEADS + branch)) {
                return ref.getObjectId();
            }
        }
        return null;
    }

    @Override
    public String commit(List<FileChange> changes, String message) {
        try {
            RevCommit commit = Commits.commit(git(), changes, message, identity);
            return commit.name();
        } catch (GitAPIException e) {
            throw new GitopsGitException("commit failed in the clone of " + describe() + ": " + redact(e.getMessage()),
                    e);
        } catch (IOException e) {
            throw new GitopsGitException("cannot open the clone of " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String remoteHead() {
        try {
            ObjectId head = lsRemote(git());
            return head == null ? null : head.name();
        } catch (GitAPIException | IOException e) {
            throw translate("reading the branch of", e);
        }
    }

    @Override
    public PushStatus push(String commit) {
        refuseCheckedOutBranch();
        try {
            String ref = Constants.R_HEADS + branch;
            Iterable<PushResult> results = authorize(git().push().setRemote("origin")
                    .setRefSpecs(new RefSpec(ref + ":" + ref))).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update == null) {
                    continue;
                }
                switch (update.getStatus()) {
                    case OK, UP_TO_DATE:
                        return PushStatus.PUSHED;
                    case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
                        return PushStatus.REJECTED;
                    case REJECTED_OTHER_REASON:
                        String why = update.getMessage() == null ? "" : update.getMessage();
                        if (lostRace(why)) {
                            return PushStatus.REJECTED;
                        }
                        throw new GitopsGitException("the server refused the push to " + describe() + ": "
                                + redact(why) + "; check branch protection and server hooks");
                    default:
                        throw new GitopsGitException("push to " + describe() + " failed: " + update.getStatus()
                                + (update.getMessage() == null ? "" : " " + redact(update.getMessage())));
                }
            }
            throw new GitopsGitException("push to " + describe() + " returned no result for " + ref);
        } catch (GitAPIException | IOException e) {
            throw translate("push to", e);
        }
    }

    @Override
    public BranchPush pushBranch(String commit, String target) {
        String ref = Constants.R_HEADS + target;
        String tracking = Constants.R_REMOTES + "origin/" + target;
        try {
            Git g = git();
            Repository repo = g.getRepository();
            ObjectId existing = null;
            for (Ref r : authorize(g.lsRemote().setRemote("origin").setHeads(true)).call()) {
                if (r.getName().equals(ref)) {
                    existing = r.getObjectId();
                }
            }
            if (existing != null) {
                authorize(g.fetch().setRemote("origin").setRefSpecs(new RefSpec("+" + ref + ":" + tracking))
                        .setTagOpt(TagOpt.NO_TAGS).setDepth(1)).call();
                if (BranchContent.same(repo, existing, repo.resolve(commit))) {
                    return new BranchPush(existing.name(), false);
                }
            }
            Iterable<PushResult> results = authorize(g.push().setRemote("origin").setForce(true)
                    .setRefSpecs(new RefSpec("+" + commit + ":" + ref))).call();
            for (PushResult result : results) {
                RemoteRefUpdate update = result.getRemoteUpdate(ref);
                if (update != null && (update.getStatus() == RemoteRefUpdate.Status.OK
                        || update.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE)) {
                    return new BranchPush(commit, true);
                }
                if (update != null) {
                    throw new GitopsGitException("the server refused the push to branch " + target + " of "
                            + Urls.withoutCredentials(url) + ": " + update.getStatus()
                            + (update.getMessage() == null ? "" : " " + redact(update.getMessage()))
                            + "; check that the token may create branches and no rule forbids " + target);
                }
            }
            throw new GitopsGitException("push to branch " + target + " returned no result");
        } catch (GitAPIException | IOException e) {
            throw translate("push to", e);
        }
    }

    /**
     * As C Git's {@code receive.denyCurrentBranch} (default {@code refuse}): a file:// push into the branch
     * checked out in a non-bare repository would move it under that working copy, which then shows our
     * change as staged deletions. JGit's local transport does not check this, so we do, before pushing.
     */
    private void refuseCheckedOutBranch() {
        if (!url.startsWith("file:")) {
            return;
        }
        java.io.File target;
        try {
            target = new java.io.File(new org.eclipse.jgit.transport.URIish(url).getPath());
        } catch (java.net.URISyntaxException e) {
            return; // JGit reports the malformed URL itself
        }
        java.io.File gitDir = org.eclipse.jgit.lib.RepositoryCache.FileKey.resolve(target,
                org.eclipse.jgit.util.FS.DETECTED);
        if (gitDir == null) {
            return;
        }
        try (Repository other = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(gitDir)
                .setMustExist(true).build()) {
            if (other.isBare() || !branch.equals(other.getBranch())) {
                return;
            }
            String deny = other.getConfig().getString("receive", null, "denyCurrentBranch");
            String mode = deny == null ? "refuse" : deny.toLowerCase(Locale.ROOT);
            if (List.of("ignore", "warn", "false").contains(mode)) {
                return;
            }
            throw new GitopsGitException("push to " + describe() + " refused: branch " + branch + " is checked out "
                    + "in the non-bare repository " + other.getWorkTree() + " (receive.denyCurrentBranch), and moving "
                    + "it would leave that working copy with staged changes; point repository.url at a bare "
                    + "repository (git clone --bare), or check out another branch there; nothing was pushed");
        } catch (IOException e) {
            // not a repository we can read: the push itself reports it
        }
    }

    /**
     * Whether a server's refusal means the branch moved between its advertisement and our update (the
     * smart-HTTP server checks the old id in a separate request; servers word a lost ref race variously).
     */
    static boolean lostRace(String serverMessage) {
        return PushRefusals.isLostRace(serverMessage);
    }

    private <C extends TransportCommand<C, ?>> C authorize(C command) {
        command.setTimeout(TIMEOUT_SECONDS);
        if (options.auth() != null) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(options.auth().username(),
                    options.auth().token()));
        }
        return command;
    }

    private GitopsGitException translate(String what, Exception e) {
        String message = redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        boolean authLike = lower.contains("not authorized") || lower.contains("authentication")
                || lower.contains("credentialsprovider") || lower.contains("401");
        if (e instanceof TransportException && authLike && reachedWithCredentials && what.startsWith("push")) {
            // The same credentials fetched a moment ago: an upload broken off reads as a refusal here.
            return new GitopsGitException(what + " " + describe() + " failed: the connection broke off during the "
                    + "upload, or the server refused the credentials that worked for the fetch just before; run "
                    + "again (nothing was pushed), and check the token's write permission if it happens again", e);
        }
        if (e instanceof TransportException && authLike) {
            String user = options.auth() == null ? "no credentials were given" : "user '" + options.auth().username()
                    + "', token from " + options.credentialSource();
            String fix = options.auth() == null
                    ? "set {gitCredentials} to a user and a personal access token"
                    : "check that the user name is right and the token is valid, not expired, and allowed to read "
                            + "and write the repository";
            return new GitopsGitException("authentication failed for " + Urls.withoutCredentials(url) + " (" + user
                    + "): " + fix, null);
        }
        if (e instanceof TransportException && (lower.contains("not permitted") || lower.contains("403"))) {
            return new GitopsGitException("authentication failed for " + Urls.withoutCredentials(url) + ": the server "
                    + "denied access" + (options.auth() == null ? "" : " to user '" + options.auth().username() + "'")
                    + "; check that the token may write to the repository (for example the repo or write_repository "
                    + "scope)", null);
        }
        if (e instanceof TransportException && (lower.contains("connection refused") || lower.contains("connection failed") || lower.contains("unknownhost")
                || lower.contains("unknown host") || lower.contains("timed out") || lower.contains("no route")
                || lower.contains("connection reset") || lower.contains("remote hung up")
                || lower.contains("unexpected end of file"))) {
            return new GitopsGitException(what + " " + describe() + " failed: cannot reach the server or it broke "
                    + "off (" + message + "); check the URL, the network and the server, then run again"
                    + (what.startsWith("push") ? ": nothing was pushed" : ""), e);
        }
        return new GitopsGitException(what + " " + describe() + " failed: " + message, e);
    }

    /** No token, and the URL only in its printable form (JGit quotes the URL it was given). */
    private String redact(String text) {
        String scrubbed = Urls.scrub(text, url);
        return options.auth() == null ? scrubbed : options.auth().redact(scrubbed);
    }

    private Git git() throws IOException, GitAPIException {
        if (git != null) {
            return git;
        }
        if (Files.isDirectory(repoDir.resolve(".git"))) {
            // we hold the cache lock, so an index.lock is what an interrupted run left behind
            Files.deleteIfExists(repoDir.resolve(".git").resolve("index.lock"));
            Git existing = Git.open(repoDir.toFile());
            String configured = existing.getRepository().getConfig().getString("remote", "origin", "url");
            if (url.equals(configured)) {
                StoredConfig config = existing.getRepository().getConfig();
                if (config.getBoolean("core", null, "symlinks", true)) {
                    config.setBoolean("core", null, "symlinks", false);
                    config.save();
                }
                git = existing;
                return git;
            }
            existing.close();
            deleteTree(repoDir);
        }
        git = init();
        return git;
    }

    private Git init() throws IOException, GitAPIException {
        Files.createDirectories(repoDir);
        Git created = Git.init().setDirectory(repoDir.toFile()).setInitialBranch(branch).call();
        StoredConfig config = created.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.setString("remote", "origin", "fetch", "+" + Constants.R_HEADS + branch + ":" + Constants.R_REMOTES
                + "origin/" + branch);
        config.setBoolean("gc", null, "auto", false);
        // a fetched tree is untrusted: its links are checked out as plain files, never as links to follow
        config.setBoolean("core", null, "symlinks", false);
        config.save();
        return created;
    }

    /** The remote branch does not exist: start from an unborn branch with nothing in the working copy. */
    private void resetToEmpty() throws IOException, GitAPIException {
        if (git != null) {
            git.close();
            git = null;
        }
        deleteTree(repoDir);
        git = init();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (git != null) {
                git.close();
                git = null;
            }
        } finally {
            lock.close();
        }
    }
}
