package io.jenkins.plugins.carvelgitops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run [--quick]}: every scenario, one line each ({@code scenario: ours X, baseline Y,
 * ratio Y/X}), and {@code bench/results.md} with the machine and each figure's median, min and max.
 */
public final class BenchMain {

    /** Held so the setting outlives garbage collection: the mock API servers log every connection. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "full";
        String only = null;
        Path out = Path.of("bench/results.md");
        Path work = Files.createTempDirectory("carvel-gitops-bench");
        Path cliJar = Path.of(System.getProperty("carvelgitops.cliJar", "cli/target/carvel-gitops-cli-0.1.0-SNAPSHOT-all.jar"));
        Path baseline = Path.of(System.getProperty("carvelgitops.baseline", "bench/baseline"));
        Path examples = Path.of(System.getProperty("carvelgitops.examples", "examples"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> mode = "quick";
                case "--smoke" -> mode = "smoke";
                case "--out" -> out = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException(
                        "usage: bench/run [--quick] [--out FILE] [--only fleet|in-process|promote|reaction|fan-out|start-up]");
            }
        }
        List<Result> results = run(Settings.of(mode, work, cliJar.toAbsolutePath(), baseline.toAbsolutePath(),
                examples.toAbsolutePath()), only);
        Files.writeString(out, report(mode, results));
        System.out.println("wrote " + out);
    }

    static List<Result> run(Settings settings) throws Exception {
        return run(settings, null);
    }

    /** Every scenario, or only the one named (a quicker loop while tuning one cost). */
    static List<Result> run(Settings settings, String only) throws Exception {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        List<Result> results = new ArrayList<>();
        for (var named : scenarios(settings).entrySet()) {
            if (only != null && !only.equals(named.getKey())) {
                continue;
            }
            Scenario scenario = named.getValue();
            for (Result r : scenario.run()) {
                System.out.println(r.line());
                results.add(r);
            }
        }
        return results;
    }

    interface Scenario {
        List<Result> run() throws Exception;
    }

    static java.util.Map<String, Scenario> scenarios(Settings settings) {
        java.util.Map<String, Scenario> all = new java.util.LinkedHashMap<>();
        all.put("fleet", () -> new FleetRenderScenario(settings).run());
        all.put("in-process", () -> new InProcessRenderScenario(settings).run());
        all.put("promote", () -> new PromoteScenario(settings).run());
        all.put("reaction", () -> new VerifyReactionScenario(settings).run());
        all.put("fan-out", () -> new VerifyFanoutScenario(settings).run());
        all.put("start-up", () -> new StartupScenario(settings).run());
        return all;
    }

    static String report(String mode, List<Result> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        sb.append("# Benchmark results\n\n");
        sb.append("Run: `bench/run").append(mode.equals("full") ? "" : " --" + mode).append("` on ")
                .append(LocalDate.now()).append(".\n\n");
        sb.append(String.format(Locale.ROOT, "Machine: %d cores, %.1f GiB memory, %s %s (%s), %s.%n%n",
                Runtime.getRuntime().availableProcessors(), memory / 1024.0 / 1024 / 1024,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        sb.append("Medians over the runs after a warm-up; min and max beside them. Ratio = baseline / ours.\n\n");
        sb.append("| scenario | ours (median, min-max, runs) | baseline (median, min-max, runs) | ratio | detail | target |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Result r : results) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.ours().ms()).append(" | ")
                    .append(r.baseline() == null ? "" : r.baseline().ms()).append(" | ")
                    .append(r.baseline() == null ? "" : String.format(Locale.ROOT, "%.1f",
                            r.baseline().median() / Math.max(0.001, r.ours().median())))
                    .append(" | ").append(r.detail() == null ? "" : r.detail()).append(" | ")
                    .append(r.target() == null ? "" : (r.met() ? "met: " : "MISSED: ") + r.target()).append(" |\n");
        }
        return sb.toString();
    }
}
