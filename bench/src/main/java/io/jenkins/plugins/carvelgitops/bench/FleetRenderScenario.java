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
        Files.createDirectories(dir);
        Files.copy(settings.examples().resolve("hello/package.yaml"), dir.resolve("package.yaml"));
        Pair main = pair(dir, settings.unrelatedFiles());

        List<Result> results = new ArrayList<>();
        int largest = settings.stageCounts().get(settings.stageCounts().size() - 1);
        for (int stages : settings.stageCounts()) {
            String target = null;
            if (stages >= 100) {
                target = stages >= 1000 ? "faster than baseline and at most 2 s" : "faster than baseline";
            }
            results.add(measure(dir, main, stages, false, "fleet-render-" + stages + "-stages", target));
        }
        // cp -a leaves every index entry's stat data stale: a tool that refreshes the index pays for all of it
        results.add(measure(dir, main, largest, true, "fleet-render-" + largest + "-stages-just-copied",
                "at most 2 s and at least 3x faster than baseline"));
        // the same render into repositories of three sizes: the cost must follow the change, not the size
        int sizeStages = settings.smoke() ? largest : 100;
        for (int files : settings.repositorySizes()) {
            Pair repos = files == settings.unrelatedFiles() ? main : pair(dir, files);
            results.add(measure(dir, repos, sizeStages, false, "fleet-render-" + sizeStages + "-stages-into-" + files
                    + "-files", null));
        }
        return results;
    }

    /** The tag on the generated head of a kept pair, which every measured run resets to. */
    static final String BASE_TAG = "bench-base";

    /** Our repository and the baseline's clone of it, with the generated head. */
    private record Pair(Path ours, Path theirs, String base, int files) {
    }

    /**
     * Made once per size and kept in {@code bench/target/fixtures} (a 200,000-file pair takes minutes to
     * make); every measured run resets both to the generated head first, so a kept pair is as good as new.
     */
    private Pair pair(Path dir, int files) throws Exception {
        String kept = System.getProperty("carvelgitops.fixtures");
        Path fixtures = settings.smoke() ? dir
                : kept != null ? Path.of(kept) : settings.top().resolve("bench/target/fixtures");
        String name = files + "-files-" + settings.commits() + "-commits";
        Path ours = fixtures.resolve("ours-repo-" + name);
        Path theirs = fixtures.resolve("baseline-repo-" + name);
        Path made = fixtures.resolve(name + ".made");
        // the generated head is tagged: a run that stopped early leaves the branch on its own render commit
        if (!Files.exists(made) || !tagged(ours) || !tagged(theirs)) {
            PromoteScenario.deleteTree(ours);
            PromoteScenario.deleteTree(theirs);
            long start = System.nanoTime();
            LargeRepository.create(ours, files, settings.commits());
            Processes.run(dir, List.of("git", "clone", "-q", ours.toString(), theirs.toString()), null);
            Processes.run(theirs, List.of("git", "remote", "remove", "origin"), null);
            Processes.run(ours, List.of("git", "tag", BASE_TAG), null);
            Processes.run(theirs, List.of("git", "tag", BASE_TAG), null);
            Files.writeString(made, String.format(java.util.Locale.ROOT, "made in %.1f s%n",
                    (System.nanoTime() - start) / 1e9));
        }
        System.err.println("fixture " + name + ": " + Files.readString(made).strip());
        return new Pair(ours, theirs, BASE_TAG, files);
    }

    private static boolean tagged(Path repo) {
        try {
            Processes.run(repo, List.of("git", "rev-parse", "-q", "--verify", BASE_TAG + "^{commit}"), null);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Result measure(Path dir, Pair repos, int stages, boolean copied, String scenario, String target)
            throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            names.add(String.format("s%04d", i));
        }
        Path ours = copied ? dir.resolve("ours-copy") : repos.ours();
        Path theirs = copied ? dir.resolve("baseline-copy") : repos.theirs();
        Path config = dir.resolve("carvel-gitops-" + scenario + ".yaml");
        Files.writeString(config, config(names, ours));
        List<String> oursCommand = new ArrayList<>(Processes.launcher(settings.top(), "render", "--config",
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
            LargeRepository.reset(repos.ours(), repos.base());
            LargeRepository.reset(repos.theirs(), repos.base());
            if (copied) {
                for (Path[] copy : new Path[][] {{repos.ours(), ours}, {repos.theirs(), theirs}}) {
                    Processes.run(dir, List.of("rm", "-rf", copy[1].toString()), null);
                    Processes.run(dir, List.of("cp", "-a", copy[0].toString(), copy[1].toString()), null);
                }
            }
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
        Boolean met = null;
        if (target != null) {
            boolean faster = copied ? o.median() * 3 <= b.median() : o.median() < b.median();
            met = faster && (stages < 1000 || o.median() <= 2000);
        }
        return new Result(scenario, o, b, (stages * 2 + 1) + " files into " + repos.files() + " unrelated files / "
                + settings.commits() + " commits" + (copied ? ", repository just copied with cp -a" : ""), target, met);
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
