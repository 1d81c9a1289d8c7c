package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.Change;
import io.jenkins.plugins.carvelgitops.engine.git.ChangePlanner;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderOutcome;
import io.jenkins.plugins.carvelgitops.engine.result.Document;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * {@code render} into a stage with {@code pullRequest: true}: the repositories it hands to the render
 * service publish the render's commit to {@code carvel-gitops/<package>/<stages>/<version>} and open
 * (or update) a pull request from it, superseding the older one of the same stages. Package, version
 * and stages come from the render commit's {@code Package:}, {@code Version:} and {@code Stages:} lines.
 */
public final class PullRequestRender {

    private final Function<GitopsConfig, GitopsRepository> repositories;
    private final Function<RepositoryAddress, PullRequestHost> hosts;
    private final ProgressListener listener;
    private final java.nio.file.Path configFile;
    private final ConfigOverrides overrides;
    private LinkedHashMap<String, Object> summary;

    /** @param job the render job, whose config file and overrides give the pull request settings */
    public PullRequestRender(RenderJob job, Function<GitopsConfig, GitopsRepository> repositories,
            Function<RepositoryAddress, PullRequestHost> hosts, ProgressListener listener) {
        this.configFile = job.configFile();
        this.overrides = job.overrides();
        this.repositories = repositories;
        this.hosts = hosts;
        this.listener = listener;
    }

    /** Whether the job renders a stage (given, or else the first) that changes only by pull request. */
    public static boolean wanted(RenderJob job) {
        GitopsConfig config = ConfigLoader.load(job.configFile(), job.configFile().toString(), job.overrides());
        PullRequestSettings settings = PullRequestSettings.read(job.configFile(), config.source(), job.overrides());
        List<String> stages = job.stages().isEmpty() && !config.stages().isEmpty()
                ? List.of(config.stages().get(0).name()) : job.stages();
        return stages.stream().anyMatch(settings::required);
    }

    /** The repositories to give the render service. */
    public Function<GitopsConfig, GitopsRepository> repositories() {
        return config -> new Through(config, repositories.apply(config));
    }

    /** The render's document ({@link RenderOutcome#toDocument()}) with the pull request's summary, if one was opened. */
    public Document toDocument(RenderOutcome outcome) {
        return outcome.toDocument().putIf(summary != null, "pullRequest", summary);
    }

    /** The pull request (as {@link PullRequestOutcome#summary()}); null when none was needed or opened. */
    public LinkedHashMap<String, Object> summary() {
        return summary;
    }

    /** The value of a {@code Name: value} line of a commit message. */
    static String line(String message, String name) {
        for (String l : message.split("\n")) {
            if (l.startsWith(name + ": ")) {
                return l.substring(name.length() + 2).strip();
            }
        }
        throw new IllegalStateException("the render commit has no " + name + " line");
    }

    private final class Through implements GitopsRepository {
        private final GitopsConfig config;
        private final GitopsRepository delegate;

        Through(GitopsConfig config, GitopsRepository delegate) {
            this.config = config;
            this.delegate = delegate;
        }

        @Override
        public CommitResult dryRun(ChangePlanner planner) {
            return delegate.dryRun(planner);
        }

        @Override
        public CommitResult publish(ChangePlanner planner) {
            if (config.repository().isLocalPath()) {
                throw ValidationException.of(config.source(), "repository.url", "is a local folder, which has no "
                        + "pull requests", "set repository.url to the hosted repository's URL, or remove "
                        + "pullRequest: true from the stage");
            }
            PullRequestSettings settings = PullRequestSettings.read(configFile, config.source(), overrides);
            RepositoryAddress address = RepositoryAddress.of(config.repository().url(), settings, config.source());
            Change[] planned = new Change[1];
            CommitResult result = delegate.publishToBranch(planner, change -> {
                planned[0] = change;
                return prefix(change) + line(change.message(), "Version");
            });
            if (result.changes().isEmpty()) {
                return result;
            }
            PullRequestHost host = hosts.apply(address);
            String message = planned[0].message();
            String version = line(message, "Version");
            String subject = message.lines().findFirst().orElse("Deliver " + config.packageName() + " " + version);
            String body = "Delivers **" + config.packageName() + "** `" + version + "` to " + line(message, "Stages")
                    + ", on branch `" + config.repository().branch() + "`.\n\n| | |\n|---|---|\n| Package | `"
                    + config.repository().prefix() + config.packageName() + "/packages/" + version + ".yaml` |\n"
                    + PullRequestText.changes(result);
            PullRequestPromotion.Opened opened = new PullRequestPromotion(host, settings, listener).open(
                    prefix(planned[0]) + version, prefix(planned[0]), config.repository().branch(), subject, body);
            summary = PullRequestOutcome.summary(address, opened.pullRequest(), opened.action().equals("unchanged")
                    && result.changed() ? "updated" : opened.action(), opened.superseded(), null);
            return result;
        }

        private String prefix(Change change) {
            return "carvel-gitops/" + line(change.message(), "Package") + "/"
                    + line(change.message(), "Stages").replace(", ", "+") + "/";
        }
    }
}
