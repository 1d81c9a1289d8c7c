package io.jenkins.plugins.carvelgitops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator.Format;
import io.jenkins.plugins.carvelgitops.engine.testing.Settle;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusRepository;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carvel-gitops status}: Git only, and over simulated clusters (one stage ready, one failed with
 * kapp-controller's message, one progressing); text and JSON compared with golden files, the HTML checked
 * for each stage. The GitOps commit is made at a fixed time, so its SHA is fixed too.
 */
class StatusCommandIT {

    static final List<String> STAGES = List.of("staging", "qa", "prod");
    static final String KAPP_ERROR = "kapp: Error: create deployment/app: deployments.apps is forbidden";

    @TempDir
    Path dir;

    CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The GitOps repository: staging and qa at 1.2.3, prod at 1.2.2; no folder for the config's "dev". */
    String gitops() throws Exception {
        Map<String, String> constraints = new LinkedHashMap<>();
        STAGES.forEach(stage -> constraints.put(stage, stage.equals("prod") ? "1.2.2" : "1.2.3"));
        return StatusRepository.deliver(dir.resolve("gitops"), constraints, "deliver",
                Instant.parse("2026-01-01T09:00:00Z"));
    }

    Path config(boolean withDev) throws IOException {
        return Files.writeString(dir.resolve("carvel-gitops.yaml"), StatusRepository.configYaml(withDev));
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void gitOnlyPrintsWhatEachStagePinsAndSaysTheClustersWereNotRead() throws Exception {
        gitops();
        CliRun text = run("status", "--config", config(true).toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.err()).isEmpty();
        assertGolden("git-only.txt", masked(text.out()));

        CliRun json = run("status", "--config", config(true).toString(), "--output", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertGolden("git-only.json", masked(json.out()));
    }

    @Test
    void liveOneReadyOneFailedOneProgressingExitsZero() throws Exception {
        String head = gitops();
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, STAGES, 3, false)) {
            d.kapp("qa").failVersion("1.2.3", KAPP_ERROR);
            d.kapp("prod").delay(Duration.ofMinutes(5));
            d.deliver("staging", "1.2.3").deliver("qa", "1.2.3").deliver("prod", "1.2.2");
            d.flux.head(head);
            d.flux.tick();
            settle(d);
            List<String> args = new ArrayList<>(List.of("status", "--config", config(false).toString(),
                    "--kubeconfig", write("build", d.build.kubeconfig().content()).toString()));
            for (String stage : STAGES) {
                args.addAll(List.of("--stage-kubeconfig", stage + "=" + write(stage, d.run(stage).kubeconfig()
                        .content())));
            }
            int before = d.build.requests().size();

            CliRun text = run(args.toArray(String[]::new));
            assertThat(text.code()).as(text.err()).isZero();
            assertGolden("live.txt", masked(text.out()));

            args.addAll(List.of("--output", "json"));
            CliRun json = run(args.toArray(String[]::new));
            assertThat(json.code()).as(json.err()).isZero();
            assertGolden("live.json", masked(json.out()));

            args.set(args.size() - 1, "html");
            CliRun html = run(args.toArray(String[]::new));
            assertThat(html.code()).as(html.err()).isZero();
            assertThat(html.out()).startsWith("<!DOCTYPE html>")
                    .contains("id=\"stage-staging\" data-stage=\"staging\" data-state=\"ready\"")
                    .contains("id=\"stage-qa\" data-stage=\"qa\" data-state=\"failed\"")
                    .contains("id=\"stage-prod\" data-stage=\"prod\" data-state=\"progressing\"")
                    .contains("<pre class=\"message\">ReconcileFailed: " + KAPP_ERROR + "</pre>");

            // Read-only: no patch (the simulators write statuses with PUT meanwhile); no kubeconfig content shown.
            assertThat(d.build.requests().subList(before, d.build.requests().size())).noneMatch(r -> r.startsWith(
                    "PATCH "));
            for (String stage : STAGES) {
                assertThat(d.run(stage).requests()).noneMatch(r -> r.startsWith("PATCH "));
            }
            for (CliRun r : List.of(text, json, html)) {
                assertThat(r.all()).doesNotContain("kubeconfig-secret-token");
            }
        }
    }

    @Test
    void anUnreachableRunClusterIsReportedNotFatal() throws Exception {
        String head = gitops();
        try (SimulatedDelivery d = new SimulatedDelivery("v1", Format.SHA1, STAGES, 3, false)) {
            d.deliver("staging", "1.2.3").deliver("qa", "1.2.3").deliver("prod", "1.2.2");
            d.flux.head(head);
            d.flux.tick();
            Settle.flux(d, "v1");
            Settle.packageInstall(d, "staging", "ReconcileSucceeded");
            Path nowhere = write("nowhere", d.build.kubeconfig().content().replaceAll("localhost:\\d+",
                    "127.0.0.1:9"));
            CliRun r = run("status", "--config", config(false).toString(), "--kubeconfig", write("build",
                    d.build.kubeconfig().content()).toString(), "--stage-kubeconfig", "staging=" + write("staging",
                            d.run("staging").kubeconfig().content()), "--stage-kubeconfig", "qa=" + nowhere);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("staging +1\\.2\\.3 +1\\.2\\.3 +ready main@sha1:\\w{7} +ready "
                    + "ReconcileSucceeded +ready")
                    .containsPattern("qa +1\\.2\\.3 +- +ready main@sha1:\\w{7} +unknown +unknown")
                    .contains("qa: PackageInstall apps/app: run cluster of stage qa: cannot read PackageInstall/apps/app")
                    .contains("prod: PackageInstall apps/app: no kubeconfig for the run cluster of stage prod")
                    .doesNotContain("kubeconfig-secret-token");
        }
    }

    @Test
    void badInputIsOneLineWithItsExitCode() throws Exception {
        gitops();
        Path config = config(false);
        CliRun noBuild = run("status", "--config", config.toString(), "--stage-kubeconfig", "qa=" + write("qa", "x"));
        assertThat(noBuild.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(noBuild.err()).startsWith("error: --kubeconfig").contains("is required with --stage-kubeconfig");

        CliRun unknownStage = run("status", "--config", config.toString(), "--kubeconfig", write("b", "x").toString(),
                "--stage-kubeconfig", "qa2=" + dir.resolve("qa"));
        assertThat(unknownStage.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(unknownStage.err()).contains("qa2").contains("is not a stage of");

        CliRun badFormat = run("status", "--config", config.toString(), "--output", "xml");
        assertThat(badFormat.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFormat.err()).contains("--output").contains("text, json, html");

        CliRun notARepo = run("status", "--config", config.toString(), "--gitops-dir", dir.resolve("nowhere")
                .toString());
        assertThat(notARepo.code()).isEqualTo(ExitCodes.GIT_OR_IO);
        assertThat(notARepo.err().lines()).hasSize(1);
    }

    static void settle(SimulatedDelivery d) throws InterruptedException {
        Settle.flux(d, "v1");
        Settle.packageInstall(d, "staging", "ReconcileSucceeded");
        Settle.packageInstall(d, "qa", "ReconcileFailed");
        Settle.packageInstall(d, "prod", "Reconciling");
    }

    /** The output with its time and this run's folder replaced, to compare with a golden file. */
    String masked(String out) {
        return out.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<checked-at>")
                .replace(dir.toString(), "<dir>");
    }

    /** Compares with {@code src/test/resources/status/<name>}; {@code -Dgolden.update=true} rewrites the file. */
    static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/status", name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = StatusCommandIT.class.getResourceAsStream("/status/" + name)) {
            assertThat(in).as("golden file status/" + name).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void stageFiltersTheRowsAndTakesACommaList() throws Exception {
        gitops();
        Path config = config(true);
        CliRun run = run("status", "--config", config.toString(), "--stage", "qa,prod");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^qa +1\\.2\\.3").containsPattern("(?m)^prod +1\\.2\\.2")
                .doesNotContainPattern("(?m)^(dev|staging) ");
        CliRun unknown = run("status", "--config", config.toString(), "--stage", "uat");
        assertThat(unknown.code()).isEqualTo(ExitCodes.INVALID);
        assertThat(unknown.err()).startsWith("error: --stage: uat: is not a stage of").contains("dev, staging, qa, prod");
    }
}
