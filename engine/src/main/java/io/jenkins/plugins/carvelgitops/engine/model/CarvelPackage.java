package io.jenkins.plugins.carvelgitops.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Carvel {@code Package} (data.packaging.carvel.dev/v1alpha1) as published: the whole tree is kept,
 * unknown fields included, so that the file in Git is the Package as the supply chain produced it.
 *
 * @param source       how the file is named in error messages
 * @param name         {@code metadata.name}
 * @param refName      {@code spec.refName}
 * @param version      {@code spec.version}
 * @param valuesSchema {@code spec.valuesSchema.openAPIv3}, or null when the Package declares none
 * @param tree         the whole parsed document, in its original key order
 */
public record CarvelPackage(String source, String name, String refName, Semver version, Object valuesSchema,
        Map<String, Object> tree) {

    public static final String API_VERSION = "data.packaging.carvel.dev/v1alpha1";
    public static final String KIND = "Package";

    public CarvelPackage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(refName, "refName");
        Objects.requireNonNull(version, "version");
        tree = Collections.unmodifiableMap(new LinkedHashMap<>(tree));
    }

    public Optional<Object> schema() {
        return Optional.ofNullable(valuesSchema);
    }

    /** True when the schema declares {@code workload_name}: a TAP supply-chain Package. */
    @SuppressWarnings("unchecked")
    public boolean declaresWorkloadName() {
        if (valuesSchema instanceof Map<?, ?> schema && schema.get("properties") instanceof Map<?, ?> props) {
            return props.containsKey("workload_name");
        }
        return false;
    }
}
