package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.StarterConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a starting carvel-gitops.yaml for a Package and its stages, with the values the Package "
                + "requires as <placeholders>; never overwrites a file.")
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--package", paramLabel = "FILE", required = true, description = "The Package CR.")
    Path packageFile;

    @Option(names = "--stage", paramLabel = "NAME", split = ",", required = true,
            description = "A stage, in delivery order (repeatable, or a comma list).")
    List<String> stages = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "carvel-gitops.yaml",
            description = "The file to write (default: ${DEFAULT-VALUE}); it must not exist.")
    Path config;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(config)) {
            throw exists();
        }
        CarvelPackage pkg = PackageLoader.load(packageFile, packageFile.toString());
        String text = StarterConfig.text(pkg, relativePackageFile(), stages);
        try {
            Files.writeString(config, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw exists(); // created since the check above
        }
        spec.commandLine().getOut().println("wrote " + config + " for " + pkg.refName() + " → "
                + String.join(", ", stages) + "; replace its <placeholders>, then run carvel-gitops render --config "
                + config + " --dry-run");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private ValidationException exists() {
        return ValidationException.of(config.toString(), "", "already exists; init never overwrites a config",
                "edit it, remove it, or write another with --config FILE");
    }

    /** The Package file as the config names it: relative to the config's folder. */
    private String relativePackageFile() {
        Path base = config.toAbsolutePath().getParent();
        Path pkg = packageFile.toAbsolutePath().normalize();
        return (base == null ? pkg : base.normalize().relativize(pkg)).toString().replace('\\', '/');
    }
}
