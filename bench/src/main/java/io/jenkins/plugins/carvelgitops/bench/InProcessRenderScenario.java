package io.jenkins.plugins.carvelgitops.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Scenario 2 with JMH (one fork, warm-up, then measured iterations), plus bytes allocated per stage. */
final class InProcessRenderScenario {

    private final Settings settings;

    InProcessRenderScenario(Settings settings) {
        this.settings = settings;
    }

    List<Result> run() throws Exception {
        return List.of(run("renderAndValidate", "render-validate-in-process", true),
                run("parseRenderAndValidate", "parse-render-validate-in-process", false));
    }

    private Result run(String method, String name, boolean judged) throws Exception {
        int stages = settings.smoke() ? 5 : 1000;
        RenderBenchmark bench = new RenderBenchmark();
        bench.stages = stages;
        bench.examples = settings.examples().toString();
        bench.setUp();
        Stats time;
        if (settings.smoke()) {
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                invoke(bench, method);
                samples.add((System.nanoTime() - start) / 1e6);
            }
            time = Stats.of(samples);
        } else {
            Options options = new OptionsBuilder()
                    .include(RenderBenchmark.class.getName() + "." + method + "$")
                    .param("stages", String.valueOf(stages))
                    .param("examples", settings.examples().toString())
                    .forks(1)
                    .warmupIterations(settings.quick() ? 2 : 5)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.quick() ? 3 : 10)
                    .measurementTime(TimeValue.seconds(1))
                    .shouldFailOnError(true)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            RunResult r = results.iterator().next();
            var primary = r.getPrimaryResult();
            var stats = primary.getStatistics();
            time = new Stats(stats.getPercentile(50), stats.getMin(), stats.getMax(), (int) stats.getN());
        }
        long bytes = allocatedBytes(bench, method);
        String detail = String.format(Locale.ROOT, "%d stages, %.1f KB allocated per stage", stages,
                bytes / 1024.0 / stages);
        boolean target = judged && stages >= 1000;
        return new Result(name + "-" + stages + "-stages", time, null, detail, target ? "under 50 ms" : null,
                target ? time.median() < 50 : null);
    }

    private static void invoke(RenderBenchmark bench, String method) {
        if (method.equals("renderAndValidate")) {
            bench.renderAndValidate();
        } else {
            bench.parseRenderAndValidate();
        }
    }

    private static long allocatedBytes(RenderBenchmark bench, String method) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        invoke(bench, method);
        long before = threads.getThreadAllocatedBytes(id);
        invoke(bench, method);
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
