package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.RevisionHistory;
import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import java.util.Map;
import java.util.Set;

/**
 * The decision, apart from any loop: given an object as last seen (null when it does not exist) and
 * what is expected of it, is it ready, still on its way, or failed? A pure function of its arguments;
 * the CLI's wait and the Jenkins step's ticks both call it. The rules are those of docs/verify.md.
 */
public final class ReadinessRules {

    /** Ready=False reasons kustomize-controller reaches only after trying our revision; it retries, but the same input fails again. */
    static final Set<String> TERMINAL_REASONS = Set.of("BuildFailed", "ReconciliationFailed", "PruneFailed",
            "HealthCheckFailed", "AccessDenied", "InvalidCELExpression");

    private ReadinessRules() {
    }

    /**
     * @param object      the object as the API server returned it, or null when it does not exist
     * @param expectation what it must report
     * @param history     decides whether a revision descends from ours
     */
    public static Readiness evaluate(Map<String, Object> object, Expectation expectation, RevisionHistory history) {
        if (expectation instanceof Expectation.FluxRevision flux) {
            return flux(object, flux, history);
        }
        return packageInstall(object, (Expectation.PackageVersion) expectation);
    }

    private static Readiness flux(Map<String, Object> ks, Expectation.FluxRevision e, RevisionHistory history) {
        String kind = e.ref().kind();
        if (ks == null) {
            return Readiness.failed("not found", kind + " " + e.ref().name() + " does not exist in namespace "
                    + e.ref().namespace() + "; run carvel-gitops bootstrap, or check flux.namespace");
        }
        boolean kustomization = "Kustomization".equals(kind);
        long generation = Obj.num(ks, 0, "metadata", "generation");
        long observed = Obj.num(ks, -1, "status", "observedGeneration");
        Map<String, Object> ready = Obj.condition(ks, "Ready");
        Map<String, Object> stalled = Obj.condition(ks, "Stalled");
        Map<String, Object> reconciling = Obj.condition(ks, "Reconciling");
        String applied = kustomization ? Obj.str(ks, "status", "lastAppliedRevision")
                : Obj.str(ks, "status", "artifact", "revision");
        String attempted = kustomization ? Obj.str(ks, "status", "lastAttemptedRevision") : applied;
        String seen = seenFlux(ready, applied, generation, observed);

        if (Obj.at(ks, "metadata", "deletionTimestamp") != null) {
            return Readiness.failed(seen, kind + " " + e.ref().name() + " is being deleted");
        }
        if (Obj.flag(ks, "spec", "suspend")) {
            return Readiness.failed("suspended", kind + " " + e.ref().name() + " is suspended (spec.suspend: true), "
                    + "so Flux will not apply " + Revisions.shortSha(e.revision()) + "; resume it (flux resume "
                    + (kustomization ? "kustomization " : "source git ") + e.ref().name() + " -n " + e.ref().namespace()
                    + ")");
        }
        if (Obj.isTrue(stalled)) {
            return Readiness.failed("Stalled=True " + Obj.text(stalled, "reason"), "stalled: "
                    + Obj.text(stalled, "message"));
        }
        long readyGeneration = Obj.num(ready == null ? Map.of() : ready, 0, "observedGeneration");
        boolean readyCurrent = ready != null && (readyGeneration == 0 || readyGeneration == generation);
        if (Obj.isTrue(ready) && readyCurrent && observed == generation && covers(e.revision(), applied, history)) {
            return Readiness.ready(seen);
        }
        if (kustomization && ready != null && "False".equals(Obj.text(ready, "status")) && readyCurrent
                && TERMINAL_REASONS.contains(Obj.text(ready, "reason"))
                && covers(e.revision(), attempted, history)
                && (reconciling == null || "ProgressingWithRetry".equals(Obj.text(reconciling, "reason")))) {
            return Readiness.failed(seen, Obj.text(ready, "reason") + ": " + Obj.text(ready, "message"));
        }
        return Readiness.waiting(seen, whyWaitingFlux(e, ready, reconciling, applied, generation, observed, history));
    }

    private static String whyWaitingFlux(Expectation.FluxRevision e, Map<String, Object> ready,
            Map<String, Object> reconciling, String applied, long generation, long observed, RevisionHistory history) {
        if (ready == null) {
            return "not reconciled yet";
        }
        String status = Obj.text(ready, "status");
        if ("Unknown".equals(status)) {
            return "reconciling: " + (reconciling != null ? Obj.text(reconciling, "message") : Obj.text(ready, "message"));
        }
        if ("False".equals(status)) {
            return Obj.text(ready, "reason") + ": " + Obj.text(ready, "message");
        }
        if (observed != generation) {
            return "generation " + generation + " not reconciled yet (observed " + observed + ")";
        }
        if (!covers(e.revision(), applied, history)) {
            return "at " + (applied == null ? "no revision" : applied) + ", waiting for "
                    + Revisions.shortSha(e.revision());
        }
        return "Ready condition is for an older generation";
    }

    private static boolean covers(String ours, String revision, RevisionHistory history) {
        String hash = Revisions.hashOf(revision);
        return hash != null && (hash.equalsIgnoreCase(ours) || history.isAncestor(ours, hash));
    }

    private static String seenFlux(Map<String, Object> ready, String applied, long generation, long observed) {
        StringBuilder sb = new StringBuilder();
        sb.append(ready == null ? "no Ready condition" : "Ready=" + Obj.text(ready, "status") + " "
                + Obj.text(ready, "reason"));
        sb.append(", ").append(applied == null ? "no revision" : "at " + abbreviate(applied));
        if (observed != generation) {
            sb.append(", generation ").append(observed).append('/').append(generation);
        }
        return sb.toString();
    }

    /** {@code main@sha1:1a2b3c4…} rather than the whole hash. */
    public static String abbreviate(String revision) {
        String hash = Revisions.hashOf(revision);
        if (hash == null || hash.length() <= 7) {
            return revision;
        }
        return revision.substring(0, revision.length() - hash.length()) + Revisions.shortSha(hash);
    }

    private static Readiness packageInstall(Map<String, Object> pkgi, Expectation.PackageVersion e) {
        String name = "PackageInstall " + e.ref().name();
        if (pkgi == null) {
            return e.mustExist()
                    ? Readiness.failed("not found", name + " does not exist in namespace " + e.ref().namespace()
                            + " although Flux reports it applied; check the Kustomization's target cluster")
                    : Readiness.waiting("not found", "not created yet");
        }
        long generation = Obj.num(pkgi, 0, "metadata", "generation");
        long observed = Obj.num(pkgi, -1, "status", "observedGeneration");
        String version = Obj.str(pkgi, "status", "version");
        String attempted = Obj.str(pkgi, "status", "lastAttemptedVersion");
        Map<String, Object> succeeded = Obj.condition(pkgi, "ReconcileSucceeded");
        Map<String, Object> failed = Obj.condition(pkgi, "ReconcileFailed");
        Map<String, Object> deleteFailed = Obj.condition(pkgi, "DeleteFailed");
        Map<String, Object> reconciling = Obj.condition(pkgi, "Reconciling");
        String seen = seenPkgi(succeeded, failed, deleteFailed, reconciling, version, attempted, generation, observed);

        if (Obj.at(pkgi, "metadata", "deletionTimestamp") != null) {
            return Readiness.failed(seen, name + " is being deleted");
        }
        if (Obj.flag(pkgi, "spec", "paused")) {
            return Readiness.failed("paused", name + " is paused (spec.paused: true), so kapp-controller will not "
                    + "deploy " + e.version() + "; remove spec.paused");
        }
        if (Obj.flag(pkgi, "spec", "canceled")) {
            return Readiness.failed("canceled", name + " is canceled (spec.canceled: true), so kapp-controller will "
                    + "not deploy " + e.version() + "; remove spec.canceled");
        }
        if (observed != generation) {
            return Readiness.waiting(seen, "kapp-controller has not picked up generation " + generation + " yet");
        }
        Map<String, Object> failure = Obj.isTrue(failed) ? failed : Obj.isTrue(deleteFailed) ? deleteFailed : null;
        if (failure != null) {
            String useful = Obj.str(pkgi, "status", "usefulErrorMessage");
            String message = useful != null && !useful.isBlank() ? useful.strip() : Obj.text(failure, "message");
            if (e.version().equals(version)) {
                return Readiness.failed(seen, Obj.text(failure, "type") + ": " + message);
            }
            return Readiness.waiting(seen, "the failure is for version " + (version == null ? "(none)" : version)
                    + ", not " + e.version() + ": " + firstLine(message));
        }
        if (Obj.isTrue(succeeded)) {
            if (e.version().equals(version) && e.version().equals(attempted)) {
                return Readiness.ready(seen);
            }
            return Readiness.waiting(seen, "reconciled " + version + ", waiting for " + e.version());
        }
        if (Obj.isTrue(reconciling)) {
            return Readiness.waiting(seen, "reconciling " + (version == null ? "" : version));
        }
        return Readiness.waiting(seen, "no status yet");
    }

    private static String seenPkgi(Map<String, Object> succeeded, Map<String, Object> failed,
            Map<String, Object> deleteFailed, Map<String, Object> reconciling, String version, String attempted,
            long generation, long observed) {
        String condition = Obj.isTrue(succeeded) ? "ReconcileSucceeded" : Obj.isTrue(failed) ? "ReconcileFailed"
                : Obj.isTrue(deleteFailed) ? "DeleteFailed" : Obj.isTrue(reconciling) ? "Reconciling" : "no condition";
        StringBuilder sb = new StringBuilder(condition);
        sb.append(version == null ? ", no version" : " " + version);
        if (attempted != null && !attempted.equals(version)) {
            sb.append(" (last attempted ").append(attempted).append(')');
        }
        if (observed != generation) {
            sb.append(", generation ").append(observed).append('/').append(generation);
        }
        return sb.toString();
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
