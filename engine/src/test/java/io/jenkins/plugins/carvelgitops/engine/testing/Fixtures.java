package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import java.util.LinkedHashMap;
import java.util.Map;

/** Configs and Packages for tests, built from YAML text so each test reads like the files users write. */
public final class Fixtures {

    private Fixtures() {
    }

    public static GitopsConfig config(String yaml) {
        return ConfigLoader.fromTree(SafeYaml.parseSingle(yaml, "carvel-gitops.yaml"), "carvel-gitops.yaml",
                ConfigOverrides.NONE);
    }

    public static CarvelPackage pkg(String yaml) {
        return PackageLoader.fromTree(SafeYaml.parseSingle(yaml, "package.yaml"), "package.yaml");
    }

    /** The example's config, parsed from {@code examples/hello}, with the given keys overridden. */
    public static GitopsConfig exampleConfig(Map<String, String> overrides) {
        return ConfigLoader.load(SharedMaterial.examples().resolve("hello/carvel-gitops.yaml"),
                "carvel-gitops.yaml", new ConfigOverrides(new LinkedHashMap<>(overrides)));
    }

    public static CarvelPackage examplePackage() {
        return PackageLoader.load(SharedMaterial.examples().resolve("hello/package.yaml"), "package.yaml");
    }

    /** A Package like the example's, at another version. */
    public static CarvelPackage examplePackage(String version) {
        String text = SafeYaml.readUtf8(SharedMaterial.examples().resolve("hello/package.yaml"), "package.yaml")
                .replace("20240318141801.0.0", version);
        return pkg(text);
    }
}
