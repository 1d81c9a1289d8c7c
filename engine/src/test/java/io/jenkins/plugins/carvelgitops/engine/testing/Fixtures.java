package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configs and Packages for tests, built from YAML text so each test reads like the files users write;
 * and, for publishing tests, a three-stage config file (staging, qa, prod) for {@code hello.default.tap}
 * pointing at any repository URL, with that Package at any version.
 */
public final class Fixtures {

    public static final String PACKAGE = "hello.default.tap";

    /** Writes {@code carvel-gitops.yaml} into {@code dir} pointing at {@code url}; returns its path. */
    public static Path config(Path dir, String url) throws IOException {
        return config(dir, url, "");
    }

    /** Like {@link #config(Path, String)}, with extra top-level YAML appended (for example a commit: block). */
    public static Path config(Path dir, String url, String extra) throws IOException {
        Files.createDirectories(dir);
        String yaml = """
                package: hello.default.tap
                repository:
                  url: %s
                  branch: main
                flux:
                  url: https://git.example.com/acme/gitops.git
                  namespace: build-ns
                stages:
                  - name: staging
                    namespace: apps
                    serviceAccount: hello-installer
                    values: {workload_name: hello, replicas: 1}
                  - name: qa
                    namespace: apps
                    serviceAccount: hello-installer
                    values: {workload_name: hello, replicas: 1}
                  - name: prod
                    namespace: apps
                    serviceAccount: hello-installer
                    values: {workload_name: hello, replicas: 2}
                """.formatted(url) + extra;
        Path file = dir.resolve("carvel-gitops.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The Package CR of {@code hello.default.tap} at {@code version}. */
    public static String packageYaml(String version) {
        return """
                apiVersion: data.packaging.carvel.dev/v1alpha1
                kind: Package
                metadata:
                  name: hello.default.tap.%s
                spec:
                  refName: hello.default.tap
                  version: %s
                  template:
                    spec:
                      fetch:
                      - imgpkgBundle:
                          image: registry.example.com/hello-bundle:%s
                      template:
                      - ytt:
                          paths:
                          - .
                      deploy:
                      - kapp: {}
                  valuesSchema:
                    openAPIv3:
                      type: object
                      additionalProperties: false
                      properties:
                        workload_name:
                          type: string
                          default: ""
                        replicas:
                          type: integer
                          default: 1
                """.formatted(version, version, version.replace('+', '_'));
    }

    /** Writes the Package at {@code version} into {@code dir}; returns its path. */
    public static Path packageFile(Path dir, String version) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("package-" + version + ".yaml");
        Files.writeString(file, packageYaml(version));
        return file;
    }

    /** Repository path of a stage's PackageInstall. */
    public static String packageInstall(String stage) {
        return PACKAGE + "/" + stage + "/packageinstall.yaml";
    }

    /** Repository path of a stored Package version. */
    public static String packagePath(String version) {
        return PACKAGE + "/packages/" + version + ".yaml";
    }

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
