package io.jenkins.plugins.carvelgitops.steps;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.TaskListener;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestHosts;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequestRender;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.ui.ConsoleProgress;
import java.util.ArrayList;
import java.util.List;

/** Runs the engine's render ({@link RenderService}) where the workspace is. */
final class RenderCallable extends DeliveryCallable {

    private static final long serialVersionUID = 1L;

    private final String packageFile;
    private final ArrayList<String> stages;
    private final String message;
    private final boolean dryRun;
    private final boolean allowDowngrade;
    private final boolean keepVersion;

    RenderCallable(ConfigInputs inputs, String packageFile, List<String> stages, String message, boolean dryRun,
            boolean allowDowngrade, boolean keepVersion, StandardUsernamePasswordCredentials credential,
            GitSettings git, TaskListener listener) {
        super(inputs, credential, git, listener);
        this.packageFile = packageFile;
        this.stages = new ArrayList<>(stages);
        this.message = message;
        this.dryRun = dryRun;
        this.allowDowngrade = allowDowngrade;
        this.keepVersion = keepVersion;
    }

    @Override
    Delivery deliver(Request r, Repos repos, ConsoleProgress progress) {
        RenderJob job = new RenderJob(r.configFile(), r.inputs().toEngine(r.configFile()),
                packageFile == null ? null : r.workspace().resolve(packageFile).normalize(), stages, message, dryRun,
                0, allowDowngrade, keepVersion);
        if (!dryRun && PullRequestRender.wanted(job)) {
            // a stage with pullRequest: true: the render goes to a branch and a pull request
            PullRequestRender through = new PullRequestRender(job, repos, address -> PullRequestHosts.open(
                    address, token(), "credentialsId"), progress);
            RenderOutcome outcome = new RenderService(through.repositories(), progress).run(job);
            return Delivery.rendered(outcome, through.toDocument(outcome), through.summary(), repos.url(),
                    repos.branch());
        }
        RenderOutcome outcome = new RenderService(repos, progress).run(job);
        return Delivery.rendered(outcome, outcome.toDocument(), null, repos.url(), repos.branch());
    }

    @Override
    public String toString() {
        return "carvelGitopsRender " + stages;
    }
}
