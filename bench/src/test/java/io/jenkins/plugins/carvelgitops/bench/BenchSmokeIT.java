package io.jenkins.plugins.carvelgitops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness at tiny sizes, so it cannot rot: every scenario runs and reports, nothing is timed here. */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndReports(@TempDir Path work) throws Exception {
        Settings settings = Settings.of("smoke", work, Path.of(System.getProperty("carvelgitops.cliJar")),
                Path.of(System.getProperty("carvelgitops.baseline")), Path.of(System.getProperty("carvelgitops.examples")));
        List<Result> results = BenchMain.run(settings);
        assertThat(results).extracting(Result::scenario).contains("fleet-render-2-stages", "fleet-render-5-stages",
                "render-validate-in-process-5-stages", "parse-render-validate-in-process-5-stages", "promote-first-run", "promote-warm-run", "verify-reaction", "verify-fan-out-4-stages",
                "fleet-render-5-stages-just-copied", "fleet-render-5-stages-into-20-files",
                "fleet-render-5-stages-into-50-files", "start-up-help", "start-up-render-1-stage");
        assertThat(results).allSatisfy(r -> assertThat(r.line()).matches(r.scenario() + ": ours [0-9.]+ ms.*"));
        assertThat(results.get(0).line()).containsPattern("baseline [0-9.]+ ms, ratio [0-9.]+");
        String report = BenchMain.report("smoke", results);
        assertThat(report).contains("| scenario |", "cores", "fleet-render-5-stages");
        Files.writeString(work.resolve("results.md"), report);
    }
}
