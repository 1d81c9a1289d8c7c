package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The engine's {@link GitRemote}: JGit over the reusable clone of a {@link CloneCache}, locked for the
 * whole session. Only the one branch is fetched, at depth 1 when {@link RemoteOptions#shallow()}; a run
 * whose branch has not moved costs one ref listing. The working copy is never checked out
 * ({@link SparseCheckout}): a sync moves the branch and the index only. Credentials and error wording are
 * {@link RemoteAccess}'s; a push into a repository on this machine is guarded by {@link LocalRemote};
 * which refusals are a lost race is {@link PushRefusals}'.
 */
public final class JGitRemote implements GitRemote {

    private final String url;
    private final String branch;
    private final RemoteOptions options;
    private final CommitSpec identity;
    private final ProgressListener listener;
    private final CloneCache cache;
    private final RemoteAccess access;

    private JGitRemote(String url, String branch, RemoteOptions options, CommitSpec identity,
            ProgressListener listener, CloneCache cache) {
        this.url = url;
        this.branch = branch;
        this.options = options;
        this.identity = identity;
        this.listener = listener;
        this.cache = cache;
        this.access = new RemoteAccess(url, describe(), options);
    }

    /** Opens (and locks) the cached clone of {@code url}'s {@code branch}; waits for another run holding it. */
    public static JGitRemote open(String url, String branch, RemoteOptions options, CommitSpec identity,
            ProgressListener listener) {
        return new JGitRemote(url, branch, options, identity, listener,
                CloneCache.open(url, branch, options, listener));
    }

    /** The folder name of a URL and branch in the cache: 16 hex digits of their SHA-256. */
    static String cacheKey(String url, String branch) {
        return CloneCache.key(url, branch);
    }

    @Override
    public String describe() {
        return Urls.withoutCredentials(url) + " (branch " + branch + ")";
    }

    @Override
    public Path workTree() {
        return cache.workTree();
    }

    @Override
    public String sync() {
        try {
            return syncOnce();
        } catch (GitopsGitException e) {
            if (e.getCause() instanceof TransportException || e.getCause() == null) {
                throw e;
            }
            // Not the network or the server: the cached clone itself is damaged. It holds nothing
            // that is not on the remote, so start it again once.
            return syncAgain(e.getCause());
        } catch (RuntimeException e) {
            return syncAgain(e);
        }
    }

    private String syncAgain(Throwable damage) {
        listener.warning("the cached clone of " + describe() + " is damaged (" + damage.getClass().getSimpleName()
                + "); cloning again");
        cache.discard();
        return syncOnce();
    }

    /**
     * One fetch of the branch, which is also the look at where it points: a head we hold already costs the
     * ref advertisement alone, as a listing would, and a moved one needs no second connection. Only when
     * the fetch fails is the branch listed, to tell a branch that does not exist yet from a failure.
     */
    private String syncOnce() {
        try {
            Git g = cache.git();
            Repository repo = g.getRepository();
            ObjectId local = repo.resolve(Constants.R_REMOTES + "origin/" + branch);
            boolean shallowNow = !repo.getObjectDatabase().getShallowCommits().isEmpty();
            var fetch = g.fetch().setRemote("origin").setRefSpecs(trackingSpec(branch)).setTagOpt(TagOpt.NO_TAGS);
            if (options.shallow() && (shallowNow || local == null)) {
                // a new clone, or one that is shallow already; a clone with its whole history stays whole,
                // since a fetch at depth 1 would cut it again and a later history reader fetch it all anew
                fetch.setDepth(1);
            } else if (!options.shallow() && shallowNow) {
                // a clone made for publishing is shallow; history readers need all of it
                fetch.setUnshallow(true);
            }
            Ref fetched;
            try {
                // the branch may move while we look: what was fetched is the head
                fetched = access.authorize(fetch).call().getAdvertisedRef(Constants.R_HEADS + branch);
            } catch (TransportException e) {
                if (lsRemote(g, branch) == null) {
                    fetched = null;
                } else {
                    // someone created the branch since the fetch looked, or the failure was another one:
                    // one more fetch tells
                    fetched = access.authorize(fetch).call().getAdvertisedRef(Constants.R_HEADS + branch);
                }
            }
            access.reached();
            if (fetched == null) {
                listener.action(describe() + " does not exist yet; the first commit creates it");
                cache.startEmpty();
                return null;
            }
            ObjectId head = fetched.getObjectId();
            // no checkout: the plan reads the committed tree, and the change's files are written by us
            SparseCheckout.moveTo(repo, head);
            return head.name();
        } catch (GitAPIException | IOException e) {
            throw access.translate("fetch from", e);
        }
    }

    private static RefSpec trackingSpec(String name) {
        return new RefSpec("+" + Constants.R_HEADS + name + ":" + Constants.R_REMOTES + "origin/" + name);
    }

    private ObjectId lsRemote(Git g, String name) throws GitAPIException {
        for (Ref ref : access.authorize(g.lsRemote().setRemote("origin").setHeads(true)).call()) {
            if (ref.getName().equals(Constants.R_HEADS + name)) {
                return ref.getObjectId();
            }
        }
        return null;
    }

    @Override
    public void prepare(Collection<String> paths) {
        SparseCheckout.clearTheWay(cache.workTree(), paths);
    }

    @Override
    public String commit(List<FileChange> changes, String message) {
        try {
            return Commits.commit(cache.git(), changes, message, identity).name();
        } catch (GitAPIException e) {
            throw new GitopsGitException("commit failed in the clone of " + describe() + ": "
                    + access.redact(e.getMessage()), e);
        } catch (IOException e) {
            throw new GitopsGitException("cannot open the clone of " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String remoteHead() {
        try {
            ObjectId head = lsRemote(cache.git(), branch);
            return head == null ? null : head.name();
        } catch (GitAPIException | IOException e) {
            throw access.translate("reading the branch of", e);
        }
    }

    @Override
    public PushStatus push(String commit) {
        String ref = Constants.R_HEADS + branch;
        try (LocalRemote.PushGuard guard = LocalRemote.guardPush(url, branch, List.of(branch),
                options.lockTimeout(), listener, describe())) {
            Pushed pushed = pushed(access.authorize(cache.git().push().setRemote("origin")
                    .setRefSpecs(new RefSpec(ref + ":" + ref))).call(), ref);
            RemoteRefUpdate update = pushed.update();
            String why = update.getMessage() == null ? "" : update.getMessage();
            return switch (update.getStatus()) {
                case OK, UP_TO_DATE -> PushStatus.PUSHED;
                default -> {
                    if (PushRefusals.isLostRace(update.getStatus().name(), why)) {
                        yield PushStatus.REJECTED;
                    }
                    if (update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON) {
                        throw new GitopsGitException("the server refused the push to " + describe() + ": "
                                + access.redact(pushed.reason()) + "; check branch protection and server hooks");
                    }
                    throw new GitopsGitException("push to " + describe() + " failed: " + update.getStatus()
                            + (why.isEmpty() ? "" : " " + access.redact(why)));
                }
            };
        } catch (GitAPIException | IOException e) {
            throw access.translate("push to", e);
        }
    }

    /** A ref's update and what the server said while receiving the push (a hook's output). */
    private record Pushed(RemoteRefUpdate update, String serverMessages) {
        String reason() {
            return PushRefusals.reason(update.getMessage(), serverMessages);
        }
    }

    private Pushed pushed(Iterable<PushResult> results, String ref) {
        for (PushResult result : results) {
            RemoteRefUpdate update = result.getRemoteUpdate(ref);
            if (update != null) {
                return new Pushed(update, result.getMessages());
            }
        }
        throw new GitopsGitException("push to " + describe() + " returned no result for " + ref);
    }

    @Override
    public BranchPush pushBranch(String commit, String target) {
        String ref = Constants.R_HEADS + target;
        try {
            Git g = cache.git();
            Repository repo = g.getRepository();
            ObjectId existing = lsRemote(g, target);
            if (existing != null) {
                access.authorize(g.fetch().setRemote("origin").setRefSpecs(trackingSpec(target))
                        .setTagOpt(TagOpt.NO_TAGS).setDepth(1)).call();
                if (BranchContent.same(repo, existing, repo.resolve(commit))) {
                    return new BranchPush(existing.name(), false);
                }
            }
            try (LocalRemote.PushGuard guard = LocalRemote.guardPush(url, null, List.of(target),
                    options.lockTimeout(), listener, describe())) {
                Pushed pushed = pushed(access.authorize(g.push().setRemote("origin").setForce(true)
                        .setRefSpecs(new RefSpec("+" + commit + ":" + ref))).call(), ref);
                RemoteRefUpdate update = pushed.update();
                if (update.getStatus() == RemoteRefUpdate.Status.OK
                        || update.getStatus() == RemoteRefUpdate.Status.UP_TO_DATE) {
                    return new BranchPush(commit, true);
                }
                throw new GitopsGitException("the server refused the push to branch " + target + " of "
                        + Urls.withoutCredentials(url) + ": " + update.getStatus()
                        + (pushed.reason().isEmpty() ? "" : " " + access.redact(pushed.reason()))
                        + "; check that the token may create branches and no rule forbids " + target);
            }
        } catch (GitAPIException | IOException e) {
            throw access.translate("push to", e);
        }
    }

    /**
     * Whether a server's refusal means the branch moved between its advertisement and our update (the
     * smart-HTTP server checks the old id in a separate request; servers word a lost ref race variously).
     */
    static boolean lostRace(String serverMessage) {
        return PushRefusals.isLostRace(serverMessage);
    }

    @Override
    public void close() {
        cache.close();
    }
}
