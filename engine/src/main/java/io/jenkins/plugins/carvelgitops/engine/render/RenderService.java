package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.layout.RepositoryLayout;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * {@code render} end to end: read and validate the config and the Package, render the plan, then
 * publish it to the repository (or, for a dry run, only compute the diff). Nothing is written unless
 * every input is valid.
 */
public final class RenderService {

    private final Function<GitopsConfig, GitopsRepository> repositories;
    private final ProgressListener listener;

    /**
     * @param repositories opens the repository a config names (local folder or remote); the adapter
     *                     decides how credentials are supplied
     */
    public RenderService(Function<GitopsConfig, GitopsRepository> repositories, ProgressListener listener) {
        this.repositories = repositories;
        this.listener = listener;
    }

    public RenderOutcome run(RenderJob job) {
        GitopsConfig config = ConfigLoader.load(job.configFile(), job.configFile().toString(), job.overrides());
        RenderPlanner planner;
        if (job.keepVersion()) {
            List<String> stages = targetStages(config, job.stages());
            listener.action("validated " + job.configFile() + "; re-rendering " + String.join(", ", stages)
                    + " at the version each pins, with the Package stored in the repository");
            planner = new RenderPlanner(config, null, stages, job, null, listener);
        } else {
            CarvelPackage pkg = PackageLoader.load(packageFile(job, config), label(job, config));
            DeliveryPlan plan = job.overrides().attributing(config.source(),
                    () -> new Renderer().render(new RenderRequest(config, pkg, job.stages())));
            plan.notes().forEach(listener::warning);
            listener.action("validated " + pkg.source() + " and " + job.configFile() + "; "
                    + Counts.of(plan.files().size(), "file") + " planned for " + plan.summary());
            planner = new RenderPlanner(config, pkg, plan.stages(), job, plan, listener);
        }
        GitopsRepository repository = repositories.apply(config);
        CommitResult result = job.dryRun() ? repository.dryRun(planner) : repository.publish(planner);
        if (job.keepVersion()) {
            planner.plan().notes().forEach(listener::warning);
        }
        return new RenderOutcome(planner.plan(), result, job.dryRun());
    }

    /** The stages a render targets (the first when none is named), each checked against the config. */
    private static List<String> targetStages(GitopsConfig config, List<String> names) {
        Problems problems = new Problems();
        List<StageSpec> stages = Renderer.selectStages(config, names, problems);
        problems.throwIfAny();
        return stages.stream().map(StageSpec::name).toList();
    }

    private static Path packageFile(RenderJob job, GitopsConfig config) {
        if (job.packageFile() != null) {
            return job.packageFile();
        }
        if (config.packageFile() == null) {
            throw ValidationException.of(config.source(), "packageFile", "no Package file given",
                    "pass {packageFile} FILE or set packageFile: in the config");
        }
        return configFolder(job).resolve(config.packageFile());
    }

    private static String label(RenderJob job, GitopsConfig config) {
        if (job.packageFile() != null) {
            return job.packageFile().toString();
        }
        Path asGiven = job.configFile().getParent();
        return (asGiven == null ? Path.of(config.packageFile()) : asGiven.resolve(config.packageFile()))
                .normalize().toString();
    }

    static Path configFolder(RenderJob job) {
        Path parent = job.configFile().toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    /** The commit message: subject, then package, version and stages as trailers, then the configured trailer. */
    public static String message(GitopsConfig config, DeliveryPlan plan, String subject) {
        StringBuilder sb = new StringBuilder();
        sb.append(subject != null && !subject.isBlank() ? subject.strip()
                : "Deliver " + plan.packageName() + " " + plan.version() + " to " + DeliveryPlan.stageList(plan.stages()));
        sb.append("\n\nPackage: ").append(plan.packageName());
        sb.append("\nVersion: ").append(plan.version());
        sb.append("\nStages: ").append(String.join(", ", plan.stages()));
        if (config.commit().trailer() != null && !config.commit().trailer().isBlank()) {
            sb.append('\n').append(config.commit().trailer().strip());
        }
        sb.append('\n');
        return sb.toString();
    }
}
