package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.credentials.CredentialLookup;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHost;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestUrl;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The {@code carvelGitopsWaitForMerge} execution: every {@link MergeLook#POLL} a {@link Timer} tick
 * reads the pull request once ({@link MergeLook#look}) and either ends the step or schedules the next
 * look; no thread is held in between and no workspace is needed. Persisted: the page, the API root
 * override, the credential ID, the start and the deadline; the token is looked up again after a
 * controller restart ({@link #onResume}), which schedules a look at once. {@link #stop} cancels the
 * next tick.
 */
final class WaitForMergeExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private final transient WaitForMergeStep step;
    private String url;
    private String apiUrl;
    private String credentialsId;
    private long startMillis;
    private long deadlineMillis;
    private String lastSeen;

    private transient volatile ScheduledFuture<?> tick;
    private transient volatile PullRequestHost host;
    private transient volatile String lastWarning;

    WaitForMergeExecution(StepContext context, WaitForMergeStep step) {
        super(context);
        this.step = step;
    }

    @Override
    public boolean start() throws Exception {
        try {
            PullRequestUrl.parse(step.getUrl(), step.getApiUrl(), "url");
            Duration timeout = StepParameters.duration("timeout", step.getTimeout(),
                    StepParameters.duration("timeout", WaitForMergeStep.DEFAULT_TIMEOUT, null));
            url = step.getUrl();
            apiUrl = step.getApiUrl();
            startMillis = System.currentTimeMillis();
            deadlineMillis = startMillis + timeout.toMillis();
        } catch (IllegalArgumentException | ValidationException e) {
            throw new AbortException("carvelGitopsWaitForMerge: " + e.getMessage());
        }
        credentialsId = step.getCredentialsId() != null ? step.getCredentialsId()
                : CarvelGitopsGlobalConfiguration.get().getCredentialsId();
        if (credentialsId == null) {
            throw new AbortException("carvelGitopsWaitForMerge needs a token for the provider's API: set "
                    + "credentialsId or the Git credential in Manage Jenkins \u2192 System \u2192 Carvel GitOps");
        }
        getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + MergeWait.started(url,
                Duration.ofMillis(deadlineMillis - startMillis)));
        schedule(0);
        return false;
    }

    /** One look, on a timer thread. */
    private void look() {
        try {
            PullRequestUrl page = PullRequestUrl.parse(url, apiUrl, "url");
            PullRequestHost h = host;
            if (h == null) {
                Run<?, ?> run = getContext().get(Run.class);
                StandardUsernamePasswordCredentials c = CredentialLookup.git(run, credentialsId, url);
                h = PullRequestHosts.open(page.address(), c.getPassword().getPlainText(),
                        "credentialsId '" + credentialsId + "'");
                host = h;
            }
            MergeLook.Tick t = MergeLook.look(h, page.number(), Instant.ofEpochMilli(startMillis),
                    Instant.now(), Instant.ofEpochMilli(deadlineMillis));
            if (t.warning() != null && !t.warning().equals(lastWarning)) {
                getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + t.warning()
                        + "; looking again");
            }
            lastWarning = t.warning();
            if (t.result() == null) {
                lastSeen = t.warning() == null ? "open" : "unreachable";
                schedule(t.next().toMillis());
                return;
            }
            finish(t.result());
        } catch (Exception e) {
            getContext().onFailure(e);
        }
    }

    private void finish(MergeWait.Result result) throws Exception {
        Duration timeout = Duration.ofMillis(deadlineMillis - startMillis);
        String line = MergeWait.ended(result, timeout);
        getContext().get(TaskListener.class).getLogger().println(ConsoleProgress.PREFIX + line);
        if (result.ending() != MergeWait.Ending.MERGED) {
            getContext().onFailure(new AbortException("carvelGitopsWaitForMerge: " + line));
            return;
        }
        getContext().onSuccess(result.toDocument(PullRequestUrl.parse(url, apiUrl, "url").address().kind()).map());
    }

    private void schedule(long delayMillis) {
        tick = Timer.get().schedule(this::look, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        ScheduledFuture<?> t = tick;
        if (t != null) {
            t.cancel(false);
        }
        getContext().onFailure(cause);
    }

    @Override
    public void onResume() {
        host = null;
        schedule(0);
    }

    @Override
    public String getStatus() {
        if (url == null) {
            return "starting";
        }
        return "waiting for " + url + " to be merged until " + Instant.ofEpochMilli(deadlineMillis)
                + (lastSeen == null ? "" : " (last look: " + lastSeen + ")");
    }
}
