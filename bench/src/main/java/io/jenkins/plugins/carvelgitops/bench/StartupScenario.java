package io.jenkins.plugins.carvelgitops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 6: start-up of the command line, {@code --help} and a one-stage render into a new local
 * repository, through {@code ./carvel-gitops} (class-data sharing archive, made by the warm-up run)
 * against the plain {@code java -jar} start of before (same JVM options, no archive).
 */
final class StartupScenario {

    private final Settings settings;

    StartupScenario(Settings settings) {
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        Path dir = Files.createDirectories(settings.work().resolve("startup"));
        Files.copy(settings.examples().resolve("hello/package.yaml"), dir.resolve("package.yaml"));
        Files.writeString(dir.resolve("carvel-gitops.yaml"), "package: " + FleetRenderScenario.REF
                + "\npackageFile: package.yaml\nrepository:\n  url: ./gitops-repo\nflux:\n  namespace: build-ns\n"
                + "stages:\n- name: s1\n  namespace: apps\n  serviceAccount: hello-installer\n"
                + "  values: {workload_name: hello, replicas: 1, hostname: s1.example.com}\n");
        String launcher = settings.top().resolve("carvel-gitops").toString();
        List<Result> results = new ArrayList<>();
        for (List<String> args : List.of(List.of("--help"), List.of("render", "--stage", "s1"))) {
            List<String> ours = new ArrayList<>(List.of("bash", launcher));
            ours.addAll(args);
            List<String> before = Processes.java(settings.cliJar(), args.toArray(String[]::new));
            List<Double> oursMs = new ArrayList<>();
            List<Double> beforeMs = new ArrayList<>();
            int runs = Math.max(settings.runs(), 3) * 2;
            for (int run = 0; run <= runs; run++) {
                Processes.run(dir, List.of("rm", "-rf", "gitops-repo"), null);
                double o = Processes.timed(dir, ours);
                Processes.run(dir, List.of("rm", "-rf", "gitops-repo"), null);
                double b = Processes.timed(dir, before);
                if (run > 0) { // the first run of ./carvel-gitops writes the archive
                    oursMs.add(o);
                    beforeMs.add(b);
                }
            }
            Stats o = Stats.of(oursMs);
            Stats b = Stats.of(beforeMs);
            String name = "start-up-" + (args.size() == 1 ? "help" : "render-1-stage");
            results.add(new Result(name, o, b, "./carvel-gitops " + String.join(" ", args)
                    + " with its class-data archive vs java -jar without", "at most 60% of before",
                    o.median() <= 0.6 * b.median()));
        }
        return results;
    }
}
