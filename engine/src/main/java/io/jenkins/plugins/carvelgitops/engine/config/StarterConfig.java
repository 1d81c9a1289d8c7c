package io.jenkins.plugins.carvelgitops.engine.config;

import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.Parameter;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A starting {@code carvel-gitops.yaml} for a Package and its stages: every key a person must decide is a
 * {@code <placeholder>} that the config check refuses until it is replaced, and every value the Package
 * requires is listed per stage. A pure function of its inputs.
 */
public final class StarterConfig {

    private StarterConfig() {
    }

    /**
     * @param packageFile the Package file as the config names it (relative to the config's folder)
     * @param stages      stage names, in delivery order
     */
    public static String text(CarvelPackage pkg, String packageFile, List<String> stages) {
        Problems problems = new Problems();
        Set<String> seen = new LinkedHashSet<>();
        for (String stage : stages) {
            String why = Names.labelProblem(stage);
            if (why != null) {
                problems.add(Parameter.STAGE, stage, why, "name stages like staging or prod");
            } else if (!seen.add(stage)) {
                problems.add(Parameter.STAGE, stage, "is given twice", "name each stage once");
            }
        }
        if (stages.isEmpty()) {
            problems.add(Parameter.STAGE, "", "is required", "name the stages in delivery order, e.g. {stage} staging "
                    + "{stage} prod");
        }
        problems.throwIfAny();
        StringBuilder sb = new StringBuilder();
        sb.append("# carvel-gitops.yaml for ").append(pkg.refName()).append(": replace every <placeholder>, then run\n")
                .append("# carvel-gitops render --stage ").append(stages.get(0)).append(" --dry-run\n");
        sb.append(line("package", pkg.refName()));
        if (!pkg.declaresWorkloadName()) {
            sb.append("install: <name of the PackageInstall>\n");
        }
        sb.append(line("packageFile", packageFile));
        sb.append("repository:\n  url: ./gitops-repo        # a local repository, created if absent; or an https URL\n")
                .append("  branch: main\n");
        sb.append("flux:\n  apiVersion: v1            # v1beta2 for Flux v0.41 (TAP 1.7)\n")
                .append("  url: <URL Flux clones, e.g. https://git.example.com/acme/gitops.git>\n")
                .append("  namespace: flux-system\n");
        sb.append("stages:\n");
        Map<String, Object> required = requiredValues(pkg);
        for (String stage : stages) {
            sb.append("  - name: ").append(stage).append('\n')
                    .append("    namespace: <namespace on the run cluster>\n")
                    .append("    serviceAccount: <service account kapp-controller installs with>\n");
            if (required.isEmpty()) {
                sb.append("    values: {}\n");
            } else {
                sb.append("    values:\n");
                required.forEach((key, placeholder) -> sb.append("      ").append(line(key, placeholder).strip())
                        .append("   # required by the Package\n"));
            }
        }
        return sb.toString();
    }

    /** The values the Package requires ({@code required} of its schema, and a TAP Package's workload_name). */
    static Map<String, Object> requiredValues(CarvelPackage pkg) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!(pkg.valuesSchema() instanceof Map<?, ?> schema)) {
            return values;
        }
        Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
        List<String> keys = new ArrayList<>();
        if (pkg.declaresWorkloadName()) {
            keys.add("workload_name");
        }
        if (schema.get("required") instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).filter(k -> !keys.contains(k))
                    .forEach(keys::add);
        }
        for (String key : keys) {
            Object type = properties.get(key) instanceof Map<?, ?> property ? property.get("type") : null;
            values.put(key, switch (type instanceof String t ? t : "string") {
                case "integer", "number" -> 0;
                case "boolean" -> false;
                case "array" -> List.of();
                case "object" -> Map.of();
                default -> "<" + key + ">";
            });
        }
        return values;
    }

    private static String line(String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        return SafeYaml.write(one);
    }
}
