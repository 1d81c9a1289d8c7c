package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestUrl;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A wait for a pull request's merge that goes on after a controller restart, for
 * {@code carvelGitopsWaitForMerge} and {@code carvelGitopsPromote waitForMerge:}: every {@link MergeLook#POLL}
 * a {@link Timer} tick reads the pull request once ({@link MergeLook#look}) and either ends the wait or
 * schedules the next look, holding no thread in between. Its step execution persists it: the page, the API
 * root, the credential ID, the start and the deadline; the token is looked up again after a restart. A wait
 * that ends unmerged (closed, or still open at the deadline) fails the step; a merge goes to {@link Merged}.
 */
final class MergeWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the step returns once the pull request is merged. */
    @FunctionalInterface
    interface Merged {
        void merged(MergeWait.Result result) throws Exception;
    }

    private final String step;
    private final String url;
    private final String apiUrl;
    private final String credentialsId;
    private final long startMillis;
    private final long deadlineMillis;
    private String lastSeen;

    private transient volatile ScheduledFuture<?> tick;
    private transient volatile PullRequestHost host;
    private transient volatile String lastWarning;

    /**
     * @param step          the step's function name, which starts its failure messages
     * @param credentialsId the Git credential whose token reads the provider's API; null for the one in
     *                      Manage Jenkins
     * @throws AbortException for a page that is no pull request's, or no credential at all
     */
    MergeWatch(String step, String url, String apiUrl, String credentialsId, Duration timeout) throws AbortException {
        this.step = step;
        try {
            PullRequestUrl.parse(url, apiUrl, "url");
        } catch (ValidationException e) {
            throw new AbortException(step + ": " + e.getMessage());
        }
        this.url = url;
        this.apiUrl = apiUrl;
        this.credentialsId = credentialsId != null ? credentialsId
                : CarvelGitopsGlobalConfiguration.get().getCredentialsId();
        if (this.credentialsId == null) {
            throw new AbortException(step + " needs a token for the provider's API: set credentialsId or the Git "
                    + "credential in Manage Jenkins \u2192 System \u2192 Carvel GitOps");
        }
        this.startMillis = System.currentTimeMillis();
        this.deadlineMillis = startMillis + timeout.toMillis();
    }

    /** Says what it waits for and looks at once. */
    void start(StepContext context, Merged merged) throws IOException, InterruptedException {
        context.get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + MergeWait.started(url,
                timeout()));
        schedule(context, merged, 0);
    }

    /** After a controller restart: a new client with the token looked up again, and a look at once. */
    void resume(StepContext context, Merged merged) {
        host = null;
        schedule(context, merged, 0);
    }

    /** Cancels the next look. */
    void cancel() {
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
    }

    /** The provider, as the page's path tells. */
    ProviderKind provider() {
        return PullRequestUrl.parse(url, apiUrl, "url").address().kind();
    }

    String status() {
        return "waiting for " + url + " to be merged until " + Instant.ofEpochMilli(deadlineMillis)
                + (lastSeen == null ? "" : " (last look: " + lastSeen + ")");
    }

    private Duration timeout() {
        return Duration.ofMillis(deadlineMillis - startMillis);
    }

    private void schedule(StepContext context, Merged merged, long delayMillis) {
        tick = Timer.get().schedule(() -> look(context, merged), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** One look, on a timer thread. */
    private void look(StepContext context, Merged merged) {
        try {
            PullRequestUrl page = PullRequestUrl.parse(url, apiUrl, "url");
            PullRequestHost h = host;
            if (h == null) {
                StandardUsernamePasswordCredentials c = CredentialLookup.git(context.get(Run.class), credentialsId,
                        url);
                h = PullRequestHosts.open(page.address(), c.getPassword().getPlainText(),
                        "credentialsId '" + credentialsId + "'");
                host = h;
            }
            MergeLook.Tick t = MergeLook.look(h, page.number(), Instant.ofEpochMilli(startMillis), Instant.now(),
                    Instant.ofEpochMilli(deadlineMillis));
            if (t.warning() != null && !t.warning().equals(lastWarning)) {
                context.get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + t.warning()
                        + "; looking again");
            }
            lastWarning = t.warning();
            if (t.result() == null) {
                lastSeen = t.warning() == null ? "open" : "unreachable";
                schedule(context, merged, t.next().toMillis());
                return;
            }
            String line = MergeWait.ended(t.result(), timeout());
            context.get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + line);
            if (t.result().ending() != MergeWait.Ending.MERGED) {
                context.onFailure(new AbortException(step + ": " + line));
                return;
            }
            merged.merged(t.result());
        } catch (Exception e) {
            context.onFailure(e);
        }
    }
}
