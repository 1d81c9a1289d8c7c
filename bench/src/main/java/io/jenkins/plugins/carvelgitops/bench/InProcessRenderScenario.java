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

    Result run() throws Exception {
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
                bench.renderAndValidate();
                samples.add((System.nanoTime() - start) / 1e6);
            }
            time = Stats.of(samples);
        } else {
            Options options = new OptionsBuilder()
                    .include(RenderBenchmark.class.getName() + ".renderAndValidate")
                    .param("stages", String.valueOf(stages))
                    .param("examples", settings.examples().toString())
                    .forks(1)
                    .warmupIterations(settings.mode().equals("quick") ? 3 : 5)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(settings.mode().equals("quick") ? 5 : 10)
                    .measurementTime(TimeValue.seconds(1))
                    .shouldFailOnError(true)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            RunResult r = results.iterator().next();
            var primary = r.getPrimaryResult();
            var stats = primary.getStatistics();
            time = new Stats(stats.getPercentile(50), stats.getMin(), stats.getMax(), (int) stats.getN());
        }
        long bytes = allocatedBytes(bench);
        String detail = String.format(Locale.ROOT, "%d stages, %.1f KB allocated per stage", stages,
                bytes / 1024.0 / stages);
        return new Result("render-validate-in-process-" + stages + "-stages", time, null, detail,
                stages >= 1000 ? "under 50 ms" : null, stages >= 1000 ? time.median() < 50 : null);
    }

    private static long allocatedBytes(RenderBenchmark bench) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        bench.renderAndValidate();
        long before = threads.getThreadAllocatedBytes(id);
        bench.renderAndValidate();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
