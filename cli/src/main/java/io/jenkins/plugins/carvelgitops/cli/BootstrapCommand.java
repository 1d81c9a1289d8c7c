package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.bootstrap.Bootstrap;
import io.jenkins.plugins.carvelgitops.engine.bootstrap.BootstrapRequest;
import io.jenkins.plugins.carvelgitops.engine.bootstrap.SecretValues;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.text.Counts;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Apply the Flux objects, their Secrets and the run-cluster RBAC (server-side apply, idempotent).")
final class BootstrapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The build cluster's kubeconfig (required "
            + "unless --dry-run).")
    Path kubeconfig;

    @Option(names = "--stage-kubeconfig", paramLabel = "NAME=FILE",
            description = "A stage's run-cluster kubeconfig (repeatable); also stored as the <stage>-kubeconfig Secret.")
    List<String> stageKubeconfigs = new ArrayList<>();

    @Option(names = "--stage", paramLabel = "NAME", split = ",",
            description = "A stage to bootstrap (repeatable, or a comma list; default: all).")
    List<String> stages = new ArrayList<>();

    @Mixin
    RemoteAccessOptions remote;

    @Option(names = "--dry-run", description = "Print the objects (Secret data redacted); apply nothing.")
    boolean dryRun;

    @Option(names = "--secret-values", paramLabel = "STAGE=FILE",
            description = "A YAML file of key: value with the secret values a stage declares (repeatable; default: "
                    + "the YAML text in $CARVEL_GITOPS_SECRET_VALUES_<STAGE>, upper case, - as _). Applied as the "
                    + "Secret <install>-secret-values on the stage's run cluster.")
    List<String> secretValueFiles = new ArrayList<>();

    @Option(names = "--package", paramLabel = "FILE",
            description = "The Package whose valuesSchema the secret values are checked against (optional).")
    Path packageFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StderrProgress progress = new StderrProgress(spec.commandLine().getErr());
        GitopsConfig config = ConfigLoader.load(common.config, common.config.toString(), common.configOverrides());
        ClusterOptions files = new ClusterOptions();
        files.stageKubeconfigs = stageKubeconfigs;
        if (kubeconfig == null && !dryRun) {
            throw ValidationException.of("--kubeconfig", "", "is required", "pass the build cluster's kubeconfig, "
                    + "or --dry-run");
        }
        // The same credential the repository is published with: $GIT_USERNAME/$GIT_TOKEN or --username/--token-file.
        TokenAuth git = remote.remoteOptions(progress).auth();
        CarvelPackage pkg = packageFile == null ? null : PackageLoader.load(packageFile, packageFile.toString());
        BootstrapRequest request = new BootstrapRequest(config, stages, kubeconfig == null ? null
                : ClusterOptions.read(kubeconfig, "--kubeconfig"), files.stageKubeconfigs(), git, dryRun,
                secretValues(config), pkg);
        Bootstrap.Result result;
        try (KubeClients kube = new KubeClients()) {
            result = new Bootstrap(kube, progress).run(request);
        }
        if (common.output == CommonOptions.Output.json) {
            out.println(Json.write(result.toDocument().map()));
        } else if (dryRun) {
            out.print(SafeYaml.writeAll(result.planned().stream().map(p -> (Object) p.manifest().body()).toList()));
        } else {
            long changed = result.applied().stream().filter(a -> a.outcome().name().equals("UNCHANGED")).count();
            out.println("applied " + Counts.of(result.applied().size(), "object") + " (" + (result.applied().size() - changed)
                    + " created or configured, " + changed + " unchanged)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** From --secret-values STAGE=FILE, else from $CARVEL_GITOPS_SECRET_VALUES_<STAGE> for a stage that declares some. */
    private Map<String, SecretValues> secretValues(GitopsConfig config) {
        Map<String, SecretValues> values = new LinkedHashMap<>();
        for (String pair : secretValueFiles) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw ValidationException.of("--secret-values", pair, "is not STAGE=FILE",
                        "write it like prod=/path/to/prod-secret-values.yaml");
            }
            String stage = pair.substring(0, eq);
            String source = "--secret-values " + stage;
            values.put(stage, SecretValues.parse(SafeYaml.readUtf8(Path.of(pair.substring(eq + 1)), source), source));
        }
        for (StageSpec stage : config.stages()) {
            String name = SecretValues.environmentName(stage.name());
            String text = remote.env.get(name);
            if (stage.hasSecretValues() && !values.containsKey(stage.name()) && text != null && !text.isBlank()) {
                values.put(stage.name(), SecretValues.parse(text, "$" + name));
            }
        }
        return values;
    }
}
