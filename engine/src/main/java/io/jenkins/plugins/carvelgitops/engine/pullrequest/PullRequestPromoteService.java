package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteJob;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteOutcome;
import io.jenkins.plugins.carvelgitops.engine.promote.PromoteService;
import io.jenkins.plugins.carvelgitops.engine.promote.PromotionPlanner;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code promote} through a pull request: the same commit as a direct promotion, on the branch
 * {@code carvel-gitops/<package>/<stage>/<version>} instead of {@code repository.branch}, and a pull
 * request from it (opened, updated or left as it is) that supersedes the stage's older ones. Used when
 * asked ({@code --pull-request}) or when the config makes the stage pull-request-only
 * ({@code stages[].pullRequest: true}); otherwise the direct {@link PromoteService} runs.
 */
public final class PullRequestPromoteService {

    private final Function<GitopsConfig, GitopsRepository> repositories;
    private final Function<RepositoryAddress, PullRequestHost> hosts;
    private final ProgressListener listener;

    public PullRequestPromoteService(Function<GitopsConfig, GitopsRepository> repositories,
            Function<RepositoryAddress, PullRequestHost> hosts, ProgressListener listener) {
        this.repositories = repositories;
        this.hosts = hosts;
        this.listener = listener;
    }

    /** Whether a promotion to {@code stage} goes through a pull request: asked for, or the stage demands it. */
    public static boolean wanted(PromoteJob job, boolean asked) {
        if (asked) {
            return true;
        }
        GitopsConfig config = ConfigLoader.load(job.configFile(), job.configFile().toString(), job.overrides());
        return job.to() != null && PullRequestSettings.read(job.configFile(), config.source(), job.overrides()).required(job.to());
    }

    /**
     * Promotes through a pull request. With {@code requireLive} the source stage is read before the branch
     * is pushed, and what it runs goes into the pull request's body.
     */
    public PullRequestOutcome run(PromoteJob job) {
        GitopsConfig config = ConfigLoader.load(job.configFile(), job.configFile().toString(), job.overrides());
        PullRequestSettings settings = PullRequestSettings.read(job.configFile(), config.source(), job.overrides());
        PromotionPlanner planner = PromoteService.check(config, job, listener);
        String from = job.version() == null ? PromoteService.sourceStage(config, job) : null;
        // checked before any Git work: a local folder or an unknown provider stops here with nothing pushed
        if (config.repository().isLocalPath()) {
            throw ValidationException.of(config.source(), "repository.url", "is a local folder, which has no pull "
                    + "requests (stage " + job.to() + ")", "set repository.url to the hosted repository's URL, or "
                    + "promote without {pullRequest} to a stage without pullRequest: true");
        }
        RepositoryAddress address = RepositoryAddress.of(config.repository().url(), settings, config.source());
        GitopsRepository repository = repositories.apply(config);
        if (job.dryRun()) {
            return new PullRequestOutcome(outcome(config, job, from, planner, repository.dryRun(planner)), null, null,
                    "none", List.of(), null);
        }
        CommitResult result = repository.publishToBranch(planner, change -> PullRequestText.branch(config.packageName(),
                job.to(), planner.decision().version().text()));
        PromoteOutcome promotion = outcome(config, job, from, planner, result);
        if (result.changes().isEmpty()) {
            listener.success("no change: " + job.to() + " already pins " + promotion.version()
                    + " on " + config.repository().branch() + "; no pull request needed");
            return new PullRequestOutcome(promotion, null, null, "none", List.of(), null);
        }
        PullRequestHost host = hosts.apply(address);
        String branch = PullRequestText.branch(config.packageName(), job.to(), promotion.version());
        String packageFile = config.repository().prefix() + config.packageName() + "/packages/" + promotion.version()
                + ".yaml";
        PullRequestPromotion.Opened opened = new PullRequestPromotion(host, settings, listener).open(branch,
                PullRequestText.stagePrefix(config.packageName(), job.to()), config.repository().branch(),
                PullRequestText.title(promotion), PullRequestText.body(promotion, packageFile,
                        config.repository().branch(), planner.liveState()));
        String action = opened.action().equals("unchanged") && result.changed() ? "updated" : opened.action();
        return new PullRequestOutcome(promotion, address, opened.pullRequest(), action, opened.superseded(), null);
    }

    private static PromoteOutcome outcome(GitopsConfig config, PromoteJob job, String from, PromotionPlanner planner,
            CommitResult result) {
        PromotionPlanner.Decision d = planner.decision();
        return new PromoteOutcome(config.packageName(), d.version().text(), from, job.to(),
                d.previous() == null ? null : d.previous().text(), d.downgrade(), result, job.dryRun());
    }
}
