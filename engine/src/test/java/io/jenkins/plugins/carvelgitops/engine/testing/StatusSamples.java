package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.result.State;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.GitPin;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.ObjectStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport.StageStatus;
import io.jenkins.plugins.carvelgitops.engine.verify.StatusReport;
import java.time.Instant;
import java.util.List;

/**
 * Status reports built by hand, for renderer tests: four stages, one in each state, with the controllers'
 * words (and a hostile value) where something is not ready. Test-only.
 */
public final class StatusSamples {

    public static final String HEAD = "a1afe267b54f38b46b487f6e938a6fd508278c07";
    public static final String REVISION = "main@sha1:" + HEAD;
    public static final Instant CHECKED = Instant.parse("2026-01-01T10:00:00Z");
    public static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    private StatusSamples() {
    }

    /** dev ready, staging progressing, qa failed (kapp's error), prod unknown (its run cluster is down). */
    public static StatusReport live() {
        ObjectStatus source = flux("GitRepository", "app.default.tap-gitops-repo", State.READY, "Ready=True",
                "Succeeded", REVISION, "");
        return new StatusReport("app.default.tap", "https://git.example.com/acme/gitops.git", "main", HEAD, CHECKED,
                true, "", source, List.of(
                        stage("dev", "1.3.0", ks("dev", State.READY, REVISION, ""), pkgi("dev", State.READY,
                                "ReconcileSucceeded", "1.3.0", "")),
                        stage("staging", "1.3.0", ks("staging", State.READY, REVISION, ""), pkgi("staging",
                                State.PROGRESSING, "Reconciling", "1.2.9", "reconciled 1.2.9, waiting for 1.3.0")),
                        stage("qa", "1.2.9", ks("qa", State.READY, REVISION, ""), pkgi("qa", State.FAILED,
                                "ReconcileFailed", "1.2.9", "ReconcileFailed: kapp: Error: Checking existance of "
                                        + "resource service/simple-app (v1) namespace: does-not-exist: services "
                                        + "\"simple-app\" is forbidden\n" + HOSTILE)),
                        stage("prod", "1.2.8", ks("prod", State.PROGRESSING, "main@sha1:" + "1".repeat(40),
                                "at main@sha1:1111111, waiting for a1afe26"), ObjectStatus.unknown(
                                        "run cluster of stage prod", "PackageInstall", "apps", "app",
                                        "run cluster of stage prod: cannot connect"))));
    }

    /** The same stages, Git only: no cluster was read. */
    public static StatusReport gitOnly() {
        StatusReport live = live();
        return new StatusReport(live.packageName(), live.repository(), live.branch(), live.head(), CHECKED, false,
                "Git only: no cluster access was given, so nothing was read from the clusters", null,
                live.stages().stream().map(s -> new StageStatus(s.stage(), s.git(), s.kustomizations().stream()
                        .map(k -> unknown(k.cluster(), k.kind(), k.name())).toList(), unknown(
                                s.packageInstall().cluster(), "PackageInstall", "app"))).toList());
    }

    static StageStatus stage(String name, String version, List<ObjectStatus> ks, ObjectStatus pkgi) {
        return new StageStatus(name, new GitPin("app.default.tap/" + name + "/packageinstall.yaml", version, version,
                ""), ks, pkgi);
    }

    static List<ObjectStatus> ks(String stage, State installs, String revision, String message) {
        return List.of(flux("Kustomization", "app.default.tap-" + stage + "-packages", State.READY, "Ready=True",
                        "ReconciliationSucceeded", REVISION, ""),
                flux("Kustomization", "app.default.tap-" + stage + "-packageinstalls", installs,
                        installs == State.READY ? "Ready=True" : "Ready=Unknown",
                        installs == State.READY ? "ReconciliationSucceeded" : "Progressing", revision, message));
    }

    static ObjectStatus flux(String kind, String name, State state, String condition, String reason, String revision,
            String message) {
        return ObjectStatus.judged("build cluster", kind, "build-ns", name, state, condition + " " + reason, message)
                .withCondition(condition, reason).withRevision(revision);
    }

    static ObjectStatus pkgi(String stage, State state, String condition, String version, String message) {
        return ObjectStatus.judged("run cluster of stage " + stage, "PackageInstall", "apps", "app", state,
                condition + " " + version, message).withCondition(condition, null).withVersion(version);
    }

    static ObjectStatus unknown(String cluster, String kind, String name) {
        return ObjectStatus.unknown(cluster, kind, kind.equals("PackageInstall") ? "apps" : "build-ns", name,
                "not read: Git only");
    }
}
