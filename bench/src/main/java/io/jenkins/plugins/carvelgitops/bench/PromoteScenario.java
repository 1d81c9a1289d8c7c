package io.jenkins.plugins.carvelgitops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Scenario 3: promote staging to prod on a large remote (many files, long history), whole process:
 * the first run (nothing cached: a clone) and the warm run (cached clone, fetch only), against the
 * script teams run today (full clone, sed the constraint, commit, push).
 */
final class PromoteScenario {

    static final String OLD = "1.0.0";
    static final String NEW = "1.1.0";

    private final Settings settings;

    PromoteScenario(Settings settings) {
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        Path dir = settings.work().resolve("promote");
        Path seed = dir.resolve("seed");
        // the full run uses the sizes of the issue; --quick a quarter of them, to stay under two minutes
        int commits = settings.smoke() ? 5 : settings.quick() ? settings.commits() / 2 : settings.commits() * 5 / 2;
        int files = settings.quick() ? settings.unrelatedFiles() / 4 : settings.unrelatedFiles();
        LargeRepository.create(seed, files, commits);
        Path bare = dir.resolve("remote.git");
        Processes.run(dir, List.of("git", "clone", "-q", "--bare", seed.toString(), bare.toString()), null);
        String url = bare.toUri().toString();

        Path config = dir.resolve("carvel-gitops.yaml");
        Files.writeString(config, "package: hello.default.tap\nrepository:\n  url: " + url + "\nstages:\n"
                + "- {name: staging, namespace: apps, serviceAccount: sa, values: {workload_name: hello, replicas: 1}}\n"
                + "- {name: prod, namespace: apps, serviceAccount: sa, values: {workload_name: hello, replicas: 2}}\n");
        String pkg = Files.readString(settings.examples().resolve("hello/package.yaml"));
        for (String v : List.of(OLD, NEW)) {
            Files.writeString(dir.resolve("package-" + v + ".yaml"), pkg.replace("20240318141801.0.0", v));
        }
        Path seedCache = dir.resolve("seed-cache");
        ours(dir, seedCache, "render", "--package", "package-" + OLD + ".yaml", "--stage", "staging", "--stage", "prod");
        ours(dir, seedCache, "render", "--package", "package-" + NEW + ".yaml", "--stage", "staging");
        String start = Processes.run(dir, List.of("git", "--git-dir", bare.toString(), "rev-parse", "main"), null).strip();

        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> shallowClone = new ArrayList<>();
        long coldBytes = 0;
        long warmBytes = 0;
        Path warmCache = dir.resolve("warm-cache");
        int runs = settings.quick() ? 1 : settings.runs();
        for (int run = 0; run <= runs; run++) {
            boolean measured = run > 0 || settings.smoke();
            reset(bare, start);
            Path coldCache = dir.resolve("cold-cache-" + run);
            double c = Processes.timed(dir, command(coldCache, "promote", "--to", "prod"));
            long size = size(coldCache);
            reset(bare, start);
            if (run == 0) {
                ours(dir, warmCache, "promote", "--to", "prod");
                reset(bare, start);
            }
            long before = size(warmCache);
            double w = Processes.timed(dir, command(warmCache, "promote", "--to", "prod"));
            long grown = size(warmCache) - before;
            reset(bare, start);
            Path clone = dir.resolve("baseline-" + run);
            double b = Processes.timed(dir, List.of("bash", "-c", "git clone -q " + url + " " + clone
                    + " && cd " + clone + " && sed -i 's/constraints: " + OLD + "/constraints: " + NEW
                    + "/' hello.default.tap/prod/packageinstall.yaml && git commit -q -am 'Promote hello "
                    + NEW + " to prod' && git push -q origin main"));
            Path shallow = dir.resolve("shallow-" + run);
            double s = Processes.timed(dir, List.of("git", "clone", "-q", "--depth", "1", "-b", "main", url,
                    shallow.toString()));
            deleteTree(shallow);
            if (measured) {
                shallowClone.add(s);
                cold.add(c);
                warm.add(w);
                baseline.add(b);
                coldBytes = size;
                warmBytes = grown;
            }
            deleteTree(coldCache);
            deleteTree(clone);
        }
        Stats coldStats = Stats.of(cold);
        Stats warmStats = Stats.of(warm);
        Stats baseStats = Stats.of(baseline);
        Stats shallowStats = Stats.of(shallowClone);
        String detail = String.format(Locale.ROOT, "%d files, %d commits; cache after first run %.1f MB, grown by "
                + "%.1f KB in a warm run; baseline: git clone --depth 1 -b main of the same remote (the full clone, "
                + "sed, commit and push script: %.0f ms)", files, commits, coldBytes / 1e6, warmBytes / 1e3,
                baseStats.median());
        return List.of(
                new Result("promote-first-run", coldStats, shallowStats, detail,
                        "faster than git clone --depth 1", coldStats.median() < shallowStats.median()),
                new Result("promote-warm-run", warmStats, baseStats, String.format(Locale.ROOT,
                        "%.1fx faster than our first run; baseline: git clone, sed, commit, push", coldStats.median()
                        / warmStats.median()),
                        "at most 0.5 s and faster than a fresh git clone",
                        warmStats.median() <= 500 && warmStats.median() < baseStats.median()));
    }

    private void ours(Path dir, Path cache, String... args) {
        Processes.run(dir, command(cache, args), null);
    }

    /** Through {@code ./carvel-gitops}, as a user runs it: its JVM options and its class-data archive. */
    private List<String> command(Path cache, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", cache.toString()));
        return Processes.launcher(settings.top(), all.toArray(String[]::new));
    }

    private static void reset(Path bare, String sha) {
        Processes.run(bare, List.of("git", "--git-dir", bare.toString(), "update-ref", "refs/heads/main", sha), null);
    }

    static long size(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
