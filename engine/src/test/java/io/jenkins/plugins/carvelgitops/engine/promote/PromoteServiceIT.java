package io.jenkins.plugins.carvelgitops.engine.promote;

import static io.jenkins.plugins.carvelgitops.engine.testing.Fixtures.packageInstall;
import static io.jenkins.plugins.carvelgitops.engine.testing.Fixtures.packagePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.config.CommitSpec;
import io.jenkins.plugins.carvelgitops.engine.config.ConfigOverrides;
import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.JGitRemote;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteGitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.git.RetryPolicy;
import io.jenkins.plugins.carvelgitops.engine.render.RenderJob;
import io.jenkins.plugins.carvelgitops.engine.render.RenderService;
import io.jenkins.plugins.carvelgitops.engine.testing.BareRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.Fixtures;
import io.jenkins.plugins.carvelgitops.engine.testing.RacingRemote;
import io.jenkins.plugins.carvelgitops.engine.testing.RecordingProgress;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render → promote → render newer → promote → rollback, and every refusal, against a bare remote. */
class PromoteServiceIT {

    @TempDir
    Path tmp;

    BareRemote remote;
    Path config;
    RecordingProgress listener = new RecordingProgress();
    RemoteOptions options;

    @BeforeEach
    void setUp() throws Exception {
        remote = BareRemote.create(tmp.resolve("remote.git"), "main");
        config = Fixtures.config(tmp.resolve("app"), remote.fileUrl());
        options = RemoteOptions.defaults(tmp.resolve("cache"))
                .withRetry(new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    private Function<GitopsConfig, GitopsRepository> repositories() {
        return c -> new RemoteGitopsRepository(() -> JGitRemote.open(c.repository().url(), "main", options,
                CommitSpec.DEFAULT, listener), options.retry(), listener);
    }

    private void render(String version, int retain) throws Exception {
        Path pkg = Fixtures.packageFile(tmp.resolve("pkgs"), version);
        new RenderService(repositories(), listener)
                .run(new RenderJob(config, ConfigOverrides.NONE, pkg, List.of(), null, false, retain));
    }

    private PromoteOutcome promote(String from, String to, String version, boolean allowDowngrade) {
        return new PromoteService(repositories(), listener)
                .run(PromoteJob.builder(config).from(from).to(to).version(version).allowDowngrade(allowDowngrade)
                        .build());
    }

    private String pinned(String stage) throws Exception {
        String yaml = remote.read(packageInstall(stage));
        return yaml == null ? null : yaml.replaceAll("(?s).*constraints: '?([^'\\n]+)'?\\n.*", "$1");
    }

    @Test
    void renderPromoteRenderNewerPromoteRollBack() throws Exception {
        render("1.0.0", 0);
        PromoteOutcome toQa = promote(null, "qa", null, false);
        assertThat(toQa).extracting(PromoteOutcome::version, PromoteOutcome::from, PromoteOutcome::to,
                PromoteOutcome::previous, PromoteOutcome::changed).containsExactly("1.0.0", "staging", "qa", null, true);
        assertThat(remote.read("hello.default.tap/qa/params.yaml")).as("new stage rendered from the config")
                .contains("workload_name: hello");

        PromoteOutcome toProd = promote(null, "prod", null, false);
        assertThat(toProd.from()).isEqualTo("qa");
        assertThat(pinned("prod")).isEqualTo("1.0.0");

        render("2.0.0", 0);
        assertThat(pinned("staging")).isEqualTo("2.0.0");
        PromoteOutcome upgrade = promote("staging", "prod", null, false);
        assertThat(upgrade.previous()).isEqualTo("1.0.0");
        assertThat(upgrade.downgrade()).isFalse();
        assertThat(pinned("prod")).isEqualTo("2.0.0");
        assertThat(pinned("qa")).as("qa untouched").isEqualTo("1.0.0");

        PromoteOutcome rollback = promote(null, "prod", "1.0.0", true);
        assertThat(rollback.downgrade()).isTrue();
        assertThat(rollback.commit().sha()).isEqualTo(remote.head());
        assertThat(pinned("prod")).isEqualTo("1.0.0");
        assertThat(remote.read(packageInstall("prod"))).contains("packaging.carvel.dev/downgradable: ''");

        PromoteOutcome forward = promote("staging", "prod", null, false);
        assertThat(forward.previous()).isEqualTo("1.0.0");
        assertThat(remote.read(packageInstall("prod"))).doesNotContain("downgradable").contains("constraints: 2.0.0");

        List<RevCommit> history = remote.linearHistory();
        assertThat(history).extracting(RevCommit::getShortMessage).containsExactly(
                "Promote hello.default.tap 2.0.0 from staging to prod",
                "Roll back hello.default.tap in prod to 1.0.0 (from 2.0.0)",
                "Promote hello.default.tap 2.0.0 from staging to prod",
                "Deliver hello.default.tap 2.0.0 to staging",
                "Promote hello.default.tap 1.0.0 from qa to prod",
                "Promote hello.default.tap 1.0.0 from staging to qa",
                "Deliver hello.default.tap 1.0.0 to staging");
        assertThat(history.get(1).getFullMessage()).contains("Version: 1.0.0").contains("Stages: prod")
                .contains("Previous-Version: 2.0.0");
    }

    @Test
    void promotingTheVersionAlreadyThereMakesNoCommit() throws Exception {
        render("1.0.0", 0);
        promote(null, "qa", null, false);
        String head = remote.head();

        PromoteOutcome again = promote(null, "qa", null, false);

        assertThat(again.changed()).isFalse();
        assertThat(again.commit().sha()).isEqualTo(head);
        assertThat(remote.head()).isEqualTo(head);
    }

    @Test
    void theTargetKeepsItsOwnValuesAndParams() throws Exception {
        render("1.0.0", 0);
        promote(null, "qa", null, false);
        Map<String, String> edit = new HashMap<>();
        edit.put("hello.default.tap/qa/params.yaml", "# edited by hand\n");
        remote.pushAsSomeoneElse(tmp, "tune qa", edit);
        render("1.1.0", 0);

        promote(null, "qa", null, false);

        assertThat(remote.read("hello.default.tap/qa/params.yaml")).isEqualTo("# edited by hand\n");
        assertThat(pinned("qa")).isEqualTo("1.1.0");
    }

    @Test
    void aVersionThatIsNotStoredIsRefusedWithNoCommit() throws Exception {
        render("1.0.0", 0);
        String head = remote.head();

        assertThatThrownBy(() -> promote(null, "prod", "1.5.0", false)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("hello.default.tap/packages/1.5.0.yaml in " + remote.fileUrl()
                        + " (branch main): does not exist, so version 1.5.0 cannot be promoted (stored: 1.0.0)");
        assertThat(remote.head()).isEqualTo(head);
    }

    @Test
    void aRollbackIsRefusedWithoutAllowDowngrade() throws Exception {
        render("1.0.0", 0);
        render("2.0.0", 0);
        promote(null, "qa", null, false);
        String head = remote.head();

        assertThatThrownBy(() -> promote(null, "qa", "1.0.0", false)).isInstanceOf(ValidationException.class)
                .hasMessage("{to}: qa: moving from 2.0.0 down to 1.0.0 is a rollback; pass {allowDowngrade} "
                        + "to roll back on purpose");
        assertThat(remote.head()).isEqualTo(head);
    }

    @Test
    void timestampVersionsCompareAsNumbers() throws Exception {
        render("9999.0.0", 0);
        promote(null, "qa", null, false);
        render("20230321004057.0.0", 0);
        assertThat(promote(null, "qa", null, false).downgrade()).isFalse();
        assertThatThrownBy(() -> promote(null, "qa", "9999.0.0", false)).hasMessageContaining("is a rollback");
    }

    @Test
    void badRequestsAreRefusedBeforeAnyGitWork() throws Exception {
        assertThatThrownBy(() -> promote(null, "nope", null, false))
                .hasMessage("{to}: nope: is not a stage of " + config + "; use one of: staging, qa, prod");
        assertThatThrownBy(() -> promote("nope", "prod", null, false)).hasMessageStartingWith("{from}: nope: is not a");
        assertThatThrownBy(() -> promote("prod", "prod", null, false)).hasMessageContaining("same stage as {to}");
        assertThatThrownBy(() -> promote(null, "staging", null, false))
                .hasMessage("{to}: staging: is the first stage, so no stage comes before it; pass {from} STAGE or "
                        + "{packageVersion} VERSION");
        assertThatThrownBy(() -> promote(null, "prod", "v1.0.0", false)).hasMessageContaining("{packageVersion}: v1.0.0:")
                .hasMessageContaining("'v' prefix");
        assertThatThrownBy(() -> promote(null, null, null, false)).hasMessageStartingWith("{to}: is required");
        assertThat(remote.head()).isNull();
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aStageThatTracksLatestCannotBePromotedInto() throws Exception {
        Fixtures.config(tmp.resolve("app"), remote.fileUrl()).toFile();
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                .replace("    values: {workload_name: hello, replicas: 2}", "    track: latest\n"
                        + "    values: {workload_name: hello, replicas: 2}"));
        assertThatThrownBy(() -> promote(null, "prod", null, false))
                .hasMessageContaining("stages[prod].track: is latest");
    }

    @Test
    void aSourceStageWithoutAPackageInstallIsAClearError() throws Exception {
        render("1.0.0", 0);
        assertThatThrownBy(() -> promote(null, "prod", null, false)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("hello.default.tap/qa/packageinstall.yaml in " + remote.fileUrl())
                .hasMessageContaining("stage 'qa' pins no version to promote; render to qa first, or pass {packageVersion}");
    }

    @Test
    void theVersionVanishingOnTheNewHeadStopsThePromotion() throws Exception {
        render("1.0.0", 0);
        render("2.0.0", 0);
        Map<String, String> delete = new HashMap<>();
        delete.put(packagePath("1.0.0"), null);
        boolean[] raced = {false};
        Function<GitopsConfig, GitopsRepository> racing = c -> new RemoteGitopsRepository(() -> new RacingRemote(
                JGitRemote.open(c.repository().url(), "main", options, CommitSpec.DEFAULT, listener), () -> {
                    if (!raced[0]) {
                        raced[0] = true;
                        remote.pushAsSomeoneElse(tmp, "prune 1.0.0", delete);
                    }
                }), options.retry(), listener);

        assertThatThrownBy(() -> new PromoteService(racing, listener).run(PromoteJob.builder(config)
                .to("prod").version("1.0.0").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1.0.0 cannot be promoted");
        assertThat(remote.linearHistory().get(0).getShortMessage()).isEqualTo("prune 1.0.0");
        assertThat(remote.read(packageInstall("prod"))).isNull();
        assertThat(listener.text()).contains("push rejected");
    }

    @Test
    void retentionKeepsTheNewestAndEveryVersionAStageRuns() throws Exception {
        render("1.0.0", 0);
        promote(null, "qa", null, false);
        promote(null, "prod", null, false);
        render("1.1.0", 0);
        render("1.2.0", 0);
        promote(null, "qa", null, false);
        render("1.3.0", 0);

        render("1.4.0", 2);

        assertThat(remote.read(packagePath("1.4.0"))).isNotNull();
        assertThat(remote.read(packagePath("1.3.0"))).as("second newest").isNotNull();
        assertThat(remote.read(packagePath("1.2.0"))).as("qa runs it").isNotNull();
        assertThat(remote.read(packagePath("1.1.0"))).as("nobody runs it").isNull();
        assertThat(remote.read(packagePath("1.0.0"))).as("prod runs it").isNotNull();
        assertThat(remote.linearHistory().get(0).getShortMessage()).isEqualTo("Deliver hello.default.tap 1.4.0 to staging");

        render("1.4.0", 1);
        assertThat(remote.read(packagePath("1.3.0"))).isNull();
        assertThat(remote.read(packagePath("1.0.0"))).as("a pinned version is never removed").isNotNull();
    }

    @Test
    void requireLiveMovesOnlyWhatTheSourceStageRunsAndWritesNothingOtherwise() throws Exception {
        render("1.0.0", 0);
        String head = remote.head();
        List<String> asked = new ArrayList<>();
        boolean[] running = {false};
        LiveCheck check = (stage, namespace, name, version) -> {
            asked.add(stage + " " + namespace + "/" + name + " " + version);
            return running[0] ? new LiveCheck.Result(true, "ReconcileSucceeded 1.0.0", "")
                    : new LiveCheck.Result(false, "ReconcileSucceeded 0.9.0", stage + ": not live at " + version);
        };
        PromoteService service = new PromoteService(repositories(), listener);

        assertThatThrownBy(() -> service.run(PromoteJob.builder(config).to("qa").requireLive(check).build()))
                .isInstanceOf(SourceNotLiveException.class)
                .hasMessage("refusing to promote 1.0.0 to qa: staging: not live at 1.0.0; nothing committed");
        assertThat(asked).as("the layout's PackageInstall name, in the source stage's namespace")
                .containsExactly("staging apps/hello 1.0.0");
        assertThat(remote.head()).isEqualTo(head);
        assertThat(remote.read(packageInstall("qa"))).isNull();
        assertThatThrownBy(() -> service.run(PromoteJob.builder(config).to("qa").dryRun(true).requireLive(check)
                .build())).as("a dry run says so too").isInstanceOf(SourceNotLiveException.class);

        running[0] = true;
        PromoteOutcome promoted = service.run(PromoteJob.builder(config).to("qa").requireLive(check).build());
        assertThat(promoted.changed()).isTrue();
        assertThat(pinned("qa")).isEqualTo("1.0.0");
        assertThat(listener.text()).contains("staging runs 1.0.0 (ReconcileSucceeded 1.0.0)");
    }

    @Test
    void requireLiveNeedsASourceStageBeforeAnyGitWork() throws Exception {
        LiveCheck never = (stage, namespace, name, version) -> {
            throw new AssertionError("no cluster is read for a request that cannot be checked");
        };
        assertThatThrownBy(() -> new PromoteService(repositories(), listener).run(PromoteJob.builder(config)
                .to("prod").version("1.0.0").requireLive(never).build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("{requireLive}: reads the version from a source stage, but {packageVersion} gives it; "
                        + "name a source stage with {from} instead, or promote without {requireLive}");
        assertThat(remote.linearHistory()).as("nothing read or written").isEmpty();
    }
}
