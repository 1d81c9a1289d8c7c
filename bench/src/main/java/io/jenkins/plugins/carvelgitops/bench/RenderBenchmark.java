package io.jenkins.plugins.carvelgitops.bench;

import io.jenkins.plugins.carvelgitops.engine.config.ConfigLoader;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.render.RenderRequest;
import io.jenkins.plugins.carvelgitops.engine.render.Renderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Scenario 2: render and validate N stages in process (config parsed, schema checked, YAML written). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark {

    @Param("1000")
    public int stages;

    @Param("")
    public String examples;

    String configText;
    GitopsConfig config;
    CarvelPackage pkg;
    List<String> names;

    @Setup
    public void setUp() {
        Path hello = Path.of(examples).resolve("hello");
        pkg = PackageLoader.load(hello.resolve("package.yaml"), "package.yaml");
        configText = configText(stages);
        config = parse(configText);
        names = config.stages().stream().map(s -> s.name()).toList();
    }

    static GitopsConfig parse(String text) {
        return ConfigLoader.fromTree(SafeYaml.parseSingle(text, "c"), "c", ConfigOverrides.NONE);
    }

    static String configText(int stages) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("name", String.format("s%04d", i));
            stage.put("namespace", "apps");
            stage.put("serviceAccount", "hello-installer");
            stage.put("values", Map.of("workload_name", "hello", "replicas", 1 + i % 3, "hostname",
                    "s" + i + ".example.com"));
            list.add(stage);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("package", "hello.default.tap");
        tree.put("repository", Map.of("url", "https://git.example.com/acme/gitops.git"));
        tree.put("flux", Map.of("namespace", "build-ns"));
        tree.put("stages", list);
        return SafeYaml.write(tree);
    }

    /** Every rule checked (names, lengths, values against the schema) and every file rendered. */
    @Benchmark
    public DeliveryPlan renderAndValidate() {
        return new Renderer().render(new RenderRequest(config, pkg, names));
    }

    /** The same, starting from the config file's text (parsed and checked first). */
    @Benchmark
    public DeliveryPlan parseRenderAndValidate() {
        return new Renderer().render(new RenderRequest(parse(configText), pkg, names));
    }
}
