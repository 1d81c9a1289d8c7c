package io.jenkins.plugins.carvelgitops.engine.promote;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.config.Track;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.layout.InstallName;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.function.Function;

/**
 * {@code promote} end to end: check the request against the config, then plan the promotion on the
 * repository's head and publish it (re-planned on a newer head if someone pushed first). Promoting
 * the version a stage already pins changes nothing and makes no commit. With {@code requireLive} the
 * version read from the source stage moves on only when that stage's run cluster runs it
 * ({@link LiveCheck}); a refusal ({@link SourceNotLiveException}) comes before anything is written.
 */
public final class PromoteService {

    private final Function<GitopsConfig, GitopsRepository> repositories;
    private final ProgressListener listener;

    public PromoteService(Function<GitopsConfig, GitopsRepository> repositories, ProgressListener listener) {
        this.repositories = repositories;
        this.listener = listener;
    }

    public PromoteOutcome run(PromoteJob job) {
        GitopsConfig config = ConfigLoader.load(job.configFile(), job.configFile().toString(), job.overrides());
        PromotionPlanner planner = check(config, job, listener);
        String from = job.version() == null ? sourceStage(config, job) : null;
        listener.action("promoting " + config.packageName() + " "
                + (job.version() != null ? job.version() : "from " + from) + " to " + job.to());
        GitopsRepository repository = repositories.apply(config);
        CommitResult result = job.overrides().attributing(config.source(),
                () -> job.dryRun() ? repository.dryRun(planner) : repository.publish(planner));
        PromotionPlanner.Decision d = planner.decision();
        return new PromoteOutcome(config.packageName(), d.version().text(), from, job.to(),
                d.previous() == null ? null : d.previous().text(), d.downgrade(), result, job.dryRun());
    }

    /**
     * Validates stages, version and {@code requireLive} against the config before any Git work; builds the
     * planner ({@code listener} hears what the live check saw).
     */
    public static PromotionPlanner check(GitopsConfig config, PromoteJob job, ProgressListener listener) {
        Problems problems = new Problems();
        String stages = String.join(", ", config.stages().stream().map(StageSpec::name).toList());
        StageSpec to = null;
        if (job.to() == null) {
            problems.add(Parameter.TO, "", "is required", "name the stage to promote to, one of: " + stages);
        } else if (config.stage(job.to()).isEmpty()) {
            problems.add(Parameter.TO, job.to(), "is not a stage of " + config.source(), "use one of: " + stages);
        } else {
            to = config.stage(job.to()).get();
            if (to.track() == Track.LATEST) {
                problems.add(config.source(), "stages[" + to.name() + "].track", "is latest: the stage selects the "
                        + "highest stored version by itself, so there is nothing to promote into it",
                        "set track: pinned for stages you promote to");
            }
        }
        Semver version = null;
        if (job.version() != null) {
            try {
                version = Semver.parse(job.version());
            } catch (IllegalArgumentException e) {
                problems.add(Parameter.PACKAGE_VERSION, job.version(), e.getMessage(),
                        "give a Package version such as 1.2.3");
            }
        } else if (job.from() != null) {
            if (config.stage(job.from()).isEmpty()) {
                problems.add(Parameter.FROM, job.from(), "is not a stage of " + config.source(),
                        "use one of: " + stages);
            } else if (job.from().equals(job.to())) {
                problems.add(Parameter.FROM, job.from(), "is the same stage as {to}", "promote from an earlier stage");
            }
        } else if (to != null && config.indexOf(to.name()) == 0) {
            problems.add(Parameter.TO, to.name(), "is the first stage, so no stage comes before it",
                    "pass {from} STAGE or {packageVersion} VERSION");
        }
        String installName = job.requireLive() ? liveInstallName(config, job, problems) : null;
        problems.throwIfAny();
        String from = job.version() == null ? sourceStage(config, job) : null;
        SourceLiveness liveness = installName == null ? null : new SourceLiveness(job.liveCheck(), from,
                config.stage(from).orElseThrow().namespace(), installName, job.to(), listener);
        return new PromotionPlanner(config, from, to, version, job.allowDowngrade(), job.message(), liveness);
    }

    /**
     * The source stage's PackageInstall name {@code requireLive} reads, as the layout names it; null (with a
     * problem added) when there is no source stage or nothing names it.
     */
    private static String liveInstallName(GitopsConfig config, PromoteJob job, Problems problems) {
        if (job.version() != null) {
            problems.add(Parameter.REQUIRE_LIVE, "", "reads the version from a source stage, but {packageVersion} "
                    + "gives it", "name a source stage with {from} instead, or promote without {requireLive}");
            return null;
        }
        String from = job.from();
        if (from == null) {
            int i = job.to() == null ? -1 : config.indexOf(job.to());
            from = i > 0 ? config.stages().get(i - 1).name() : null;
        }
        StageSpec stage = from == null ? null : config.stage(from).orElse(null);
        if (stage == null) {
            return null; // the stage problems above say why
        }
        String name = InstallName.configured(config, stage).orElse(null);
        if (name == null) {
            problems.add(config.source(), "install", "names no PackageInstall for stage " + from + ", so "
                    + "{requireLive} has nothing to read", "set install: or values.workload_name");
        }
        return name;
    }

    /** The stage whose version moves: {@code from}, else the stage before {@code to}. */
    public static String sourceStage(GitopsConfig config, PromoteJob job) {
        if (job.from() != null) {
            return job.from();
        }
        int i = config.indexOf(job.to());
        if (i <= 0) {
            throw ValidationException.of(Parameter.TO, job.to(), "has no stage before it",
                    "pass {from} or {packageVersion}");
        }
        return config.stages().get(i - 1).name();
    }
}
