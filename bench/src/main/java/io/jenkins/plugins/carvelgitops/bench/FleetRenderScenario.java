package io.jenkins.plugins.carvelgitops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 1: one package rendered to N stages and committed, whole process (JVM start included),
 * into a repository that already holds many unrelated files and a long history; against the sed +
 * {@code git add -A && git commit} script teams use today, producing the same files.
 */
final class FleetRenderScenario {

    static final String REF = "hello.default.tap";
    static final String VERSION = "20240318141801.0.0";

    private final Settings settings;

    FleetRenderScenario(Settings settings) {
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        Path dir = settings.work().resolve("fleet");
        Path ours = dir.resolve("ours-repo");
        Path theirs = dir.resolve("baseline-repo");
        LargeRepository.create(ours, settings.unrelatedFiles(), settings.commits());
        Processes.run(dir, List.of("git", "clone", "-q", ours.toString(), theirs.toString()), null);
        Processes.run(theirs, List.of("git", "remote", "remove", "origin"), null);
        String base = LargeRepository.head(ours);
        Files.copy(settings.examples().resolve("hello/package.yaml"), dir.resolve("package.yaml"));

        List<Result> results = new ArrayList<>();
        for (int stages : settings.stageCounts()) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < stages; i++) {
                names.add(String.format("s%04d", i));
            }
            Path config = dir.resolve("carvel-gitops-" + stages + ".yaml");
            Files.writeString(config, config(names, ours));
            List<String> oursCommand = new ArrayList<>(Processes.java(settings.cliJar(), "render", "--config",
                    config.toString()));
            names.forEach(n -> {
                oursCommand.add("--stage");
                oursCommand.add(n);
            });
            List<String> baselineCommand = new ArrayList<>(List.of("bash",
                    settings.baseline().resolve("render.sh").toString(), theirs.toString(),
                    dir.resolve("package.yaml").toString(), REF, VERSION, "hello", "apps", "hello-installer"));
            baselineCommand.addAll(names);

            List<Double> oursMs = new ArrayList<>();
            List<Double> baselineMs = new ArrayList<>();
            for (int run = 0; run <= settings.runs(); run++) {
                LargeRepository.reset(ours, base);
                LargeRepository.reset(theirs, base);
                double o = Processes.timed(dir, oursCommand);
                double b = Processes.timed(dir, baselineCommand);
                if (run > 0 || settings.smoke()) {
                    oursMs.add(o);
                    baselineMs.add(b);
                }
            }
            sameFiles(ours, theirs, names);
            Stats o = Stats.of(oursMs);
            Stats b = Stats.of(baselineMs);
            String target = null;
            Boolean met = null;
            if (stages >= 100) {
                target = stages >= 1000 ? "faster than baseline and at most 2 s" : "faster than baseline";
                met = o.median() < b.median() && (stages < 1000 || o.median() <= 2000);
            }
            results.add(new Result("fleet-render-" + stages + "-stages", o, b, (stages * 2 + 1) + " files into "
                    + settings.unrelatedFiles() + " unrelated files / " + settings.commits() + " commits", target, met));
        }
        return results;
    }

    /** Both tools must produce the same files, or the comparison means nothing. */
    private static void sameFiles(Path ours, Path theirs, List<String> stages) throws Exception {
        List<String> paths = new ArrayList<>();
        paths.add(REF + "/packages/" + VERSION + ".yaml");
        for (String s : stages) {
            paths.add(REF + "/" + s + "/packageinstall.yaml");
            paths.add(REF + "/" + s + "/params.yaml");
        }
        for (String p : paths.subList(1, paths.size())) {
            if (!Files.readString(ours.resolve(p)).equals(Files.readString(theirs.resolve(p)))) {
                throw new IllegalStateException("baseline and carvel-gitops differ in " + p);
            }
        }
    }

    private static String config(List<String> stages, Path repo) {
        StringBuilder sb = new StringBuilder();
        sb.append("package: ").append(REF).append("\npackageFile: package.yaml\nrepository:\n  url: ").append(repo)
                .append("\nflux:\n  namespace: build-ns\nstages:\n");
        for (String s : stages) {
            sb.append("- name: ").append(s).append("\n  namespace: apps\n  serviceAccount: hello-installer\n")
                    .append("  values: {workload_name: hello, replicas: 1, hostname: ").append(s)
                    .append(".example.com}\n");
        }
        return sb.toString();
    }
}
