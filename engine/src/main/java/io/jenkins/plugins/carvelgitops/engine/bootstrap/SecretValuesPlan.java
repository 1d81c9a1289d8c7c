package io.jenkins.plugins.carvelgitops.engine.bootstrap;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.config.StageSpec;
import io.jenkins.plugins.carvelgitops.engine.layout.InstallName;
import io.jenkins.plugins.carvelgitops.engine.layout.SecretNames;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.SecretManifest;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Problem;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.ValuesSchemaValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code <install>-secret-values} Secret of each stage that declares {@code secretValues}: checks the
 * values given at run time (every declared key present, no other key, each one against the Package's
 * valuesSchema when there is one) and builds the Secret, key {@code values.yaml}. Problems name the stage
 * and the key, never a value.
 */
final class SecretValuesPlan {

    private SecretValuesPlan() {
    }

    /**
     * @param applied the stages whose run-cluster objects are applied (given a kubeconfig)
     * @return by stage, the Secret to apply
     */
    static Map<String, Manifest> plan(GitopsConfig config, List<StageSpec> applied, Map<String, SecretValues> given,
            CarvelPackage pkg) {
        Problems problems = new Problems();
        given.forEach((stage, values) -> {
            var spec = config.stage(stage);
            if (spec.isEmpty()) {
                problems.add(values.source(), "", "'" + stage + "' is not a stage of " + config.source(),
                        "use one of: " + String.join(", ", config.stages().stream().map(StageSpec::name).toList()));
            } else if (!spec.get().hasSecretValues()) {
                problems.add(values.source(), "", "stage " + stage + " declares no secretValues in " + config.source(),
                        "list the keys under stages[" + stage + "].secretValues, or give no secret values");
            }
        });
        ValuesSchemaValidator schema = pkg == null ? null : pkg.schema().map(ValuesSchemaValidator::new).orElse(null);
        Map<String, Manifest> secrets = new LinkedHashMap<>();
        for (StageSpec stage : applied) {
            if (!stage.hasSecretValues()) {
                continue;
            }
            SecretValues values = given.get(stage.name());
            if (values == null) {
                problems.add(config.source(), "stages[" + stage.name() + "].secretValues", "no values given for "
                        + String.join(", ", stage.secretValues()), "supply them at run time for stage "
                        + stage.name() + ": " + Parameter.SECRET_VALUES.ref());
                continue;
            }
            for (String key : stage.secretValues()) {
                if (!values.values().containsKey(key) || values.values().get(key) == null) {
                    problems.add(values.source(), key, "stage " + stage.name() + " declares secret value " + key
                            + " but none is given", "add " + key + ": ... to the secret values of " + stage.name());
                }
            }
            for (String key : values.values().keySet()) {
                if (!stage.secretValues().contains(key)) {
                    problems.add(values.source(), key, "is not declared in stages[" + stage.name() + "].secretValues",
                            "declare it in " + config.source() + " or remove it");
                }
            }
            if (schema != null) {
                Map<String, Object> merged = new LinkedHashMap<>(stage.values());
                merged.putAll(values.values());
                String prefix = "secretValues[" + stage.name() + "]";
                for (Problem p : schema.check(merged, values.source(), prefix, pkg.source())) {
                    String key = keyOf(p.field(), prefix);
                    if (key != null && stage.secretValues().contains(key)) {
                        problems.add(new Problem(p.file(), p.field(), hideValue(p.message(), values.values()
                                .get(key), pkg.source()), p.fix()));
                    }
                }
            }
            Map<String, Object> declared = new LinkedHashMap<>();
            stage.secretValues().forEach(k -> declared.put(k, values.values().get(k)));
            secrets.put(stage.name(), secret(SecretNames.secretValues(install(config, stage, problems)),
                    stage.namespace(), SafeYaml.write(declared)));
        }
        problems.throwIfAny();
        return secrets;
    }

    private static String keyOf(String field, String prefix) {
        if (!field.startsWith(prefix + ".")) {
            return null;
        }
        String rest = field.substring(prefix.length() + 1);
        int end = rest.indexOf('.');
        int bracket = rest.indexOf('[');
        if (bracket >= 0 && (end < 0 || bracket < end)) {
            end = bracket;
        }
        return end < 0 ? rest : rest.substring(0, end);
    }

    /** A schema message quoting the value itself (some formats do) is replaced by one that does not. */
    private static String hideValue(String message, Object value, String pkg) {
        String text = value == null ? "" : String.valueOf(value);
        if (text.length() >= 3 && message.contains(text)) {
            return "does not match the valuesSchema of " + pkg;
        }
        return message;
    }

    private static String install(GitopsConfig config, StageSpec stage, Problems problems) {
        Optional<String> name = InstallName.configured(config, stage);
        if (name.isPresent()) {
            return name.get();
        }
        problems.add(config.source(), "install", "is required to name the Secret " + "<install>-secret-values of stage "
                + stage.name(), "add install: <name>, or values.workload_name for a TAP Package");
        return "invalid";
    }

    private static Manifest secret(String name, String namespace, String valuesYaml) {
        return SecretManifest.stringData(name, namespace, "Opaque", Map.of("values.yaml", valuesYaml));
    }
}
