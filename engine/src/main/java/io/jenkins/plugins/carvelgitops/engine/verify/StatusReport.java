package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.result.Document;
import io.jenkins.plugins.carvelgitops.engine.result.State;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What each stage runs, from Git and live: the version the stage's {@code packageinstall.yaml} pins at the
 * head of the branch, and, when the clusters were read, its two Kustomizations and its PackageInstall,
 * each judged by {@link ReadinessRules} against that head and that version. A snapshot: it judges
 * nothing as success or failure of a command.
 *
 * @param packageName the Package refName
 * @param repository  the GitOps repository, as it may be shown (no credentials)
 * @param branch      the branch Flux follows
 * @param head        the commit at the head of the branch
 * @param checkedAt   when the clusters were read (or Git, when they were not)
 * @param live        false when no cluster was read: every live part is {@link State#UNKNOWN}
 * @param note        one line about what was not read, or ""
 * @param source      the GitRepository on the build cluster, or null when not read
 * @param stages      every stage of the config, in promotion order
 */
public record StatusReport(String packageName, String repository, String branch, String head, Instant checkedAt,
        boolean live, String note, ObjectStatus source, List<StageStatus> stages) {

    /** The worst of some states (they are ordered from best to worst); {@link State#UNKNOWN} for none. */
    static State worst(Stream<State> states) {
        return states.max(Comparator.naturalOrder()).orElse(State.UNKNOWN);
    }

    /**
     * package, repository, branch, head, checkedAt, live, note, source, and per stage: stage, state, git
     * (file, constraints, version, problem), liveVersion, flux (state, kustomizations) and packageInstall;
     * each object as cluster, kind, namespace, name, state, condition, reason, revision, version,
     * suspended, seen and message.
     */
    public Document toDocument() {
        List<Document> rows = new java.util.ArrayList<>();
        for (StageStatus stage : stages) {
            rows.add(new Document().put("stage", stage.stage()).put("state", stage.state())
                    .put("git", new Document().put("file", stage.git().file())
                            .put("constraints", stage.git().constraints()).put("version", stage.git().version())
                            .put("problem", stage.git().problem()))
                    .put("liveVersion", stage.liveVersion())
                    .put("flux", new Document().put("state", stage.flux())
                            .put("kustomizations", stage.kustomizations().stream().map(ObjectStatus::toDocument)
                                    .toList()))
                    .put("packageInstall", stage.packageInstall().toDocument()));
        }
        return new Document().put("package", packageName).put("repository", repository).put("branch", branch)
                .put("head", head).put("checkedAt", checkedAt.toString()).put("live", live).put("note", note)
                .put("source", source == null ? null : source.toDocument()).put("stages", rows);
    }

    public StatusReport {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(checkedAt, "checkedAt");
        note = note == null ? "" : note;
        stages = List.copyOf(stages);
    }

    /**
     * One stage.
     *
     * @param git            what Git pins
     * @param kustomizations its {@code -packages} and {@code -packageinstalls} Kustomizations on the build cluster
     * @param packageInstall its PackageInstall on its run cluster
     */
    public record StageStatus(String stage, GitPin git, List<ObjectStatus> kustomizations,
            ObjectStatus packageInstall) {

        public StageStatus {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(git, "git");
            Objects.requireNonNull(packageInstall, "packageInstall");
            kustomizations = List.copyOf(kustomizations);
        }

        /** The worst of the two Kustomizations. */
        public State flux() {
            return worst(kustomizations.stream().map(ObjectStatus::state));
        }

        /** The version the PackageInstall reports running ({@code status.version}), or null. */
        public String liveVersion() {
            return packageInstall.version();
        }

        /** The worst of Flux and the PackageInstall; unknown when Git pins nothing. */
        public State state() {
            if (git.version() == null) {
                return State.UNKNOWN;
            }
            return worst(Stream.of(flux(), packageInstall.state()));
        }

        /** The Kustomization whose applied revision tells what Flux delivered: {@code -packageinstalls}. */
        public ObjectStatus lastKustomization() {
            return kustomizations.isEmpty() ? null : kustomizations.get(kustomizations.size() - 1);
        }
    }

    /**
     * What a stage's {@code packageinstall.yaml} says at the head.
     *
     * @param file        its path in the repository
     * @param constraints {@code versionSelection.constraints} as written; null when not rendered
     * @param version     the version it selects; null when the stage is not rendered or the file is invalid
     * @param problem     why there is no version ("not rendered at 1a2b3c4", the file's problem), or ""
     */
    public record GitPin(String file, String constraints, String version, String problem) {
        public GitPin {
            Objects.requireNonNull(file, "file");
            problem = problem == null ? "" : problem;
        }

        /** True when the constraint is a range (track: latest) rather than one version. */
        public boolean isRange() {
            return constraints != null && version != null && !constraints.equals(version);
        }
    }

    /**
     * One object as read, and judged.
     *
     * @param cluster   {@code build cluster} or {@code run cluster of stage prod}
     * @param state     the judgement
     * @param condition Flux: {@code Ready=True|False|Unknown}; PackageInstall: the condition that holds
     *                  ({@code ReconcileSucceeded}, {@code ReconcileFailed}, {@code Reconciling}); null when none
     * @param reason    Flux: the Ready condition's reason; null otherwise
     * @param revision  Flux: {@code lastAppliedRevision} or the GitRepository's artifact revision; null otherwise
     * @param version   PackageInstall: {@code status.version}; null otherwise
     * @param suspended Flux: {@code spec.suspend}; PackageInstall: {@code spec.paused} or {@code spec.canceled}
     * @param seen      what it reports, in a few words ({@code not read} when it was not)
     * @param message   why it is not ready, in the controller's words where there are any; "" when ready
     */
    public record ObjectStatus(String cluster, String kind, String namespace, String name, State state,
            String condition, String reason, String revision, String version, boolean suspended, String seen,
            String message) {

        public ObjectStatus {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            seen = seen == null ? "" : seen;
            message = message == null ? "" : message;
        }

        /** An object as judged, before the withers add what its kind reports (condition, revision, version). */
        public Document toDocument() {
            return new Document().put("cluster", cluster).put("kind", kind).put("namespace", namespace)
                    .put("name", name).put("state", state).put("condition", condition).put("reason", reason)
                    .put("revision", revision).put("version", version).put("suspended", suspended)
                    .put("seen", seen).put("message", message);
        }

        public static ObjectStatus judged(String cluster, String kind, String namespace, String name, State state,
                String seen, String message) {
            return new ObjectStatus(cluster, kind, namespace, name, state, null, null, null, null, false, seen,
                    message);
        }

        /** An object that was not read, and why. */
        public static ObjectStatus unknown(String cluster, String kind, String namespace, String name, String why) {
            return judged(cluster, kind, namespace, name, State.UNKNOWN, "not read", why);
        }

        public ObjectStatus withCondition(String condition, String reason) {
            return new ObjectStatus(cluster, kind, namespace, name, state, condition, reason, revision, version,
                    suspended, seen, message);
        }

        public ObjectStatus withRevision(String revision) {
            return new ObjectStatus(cluster, kind, namespace, name, state, condition, reason, revision, version,
                    suspended, seen, message);
        }

        public ObjectStatus withVersion(String version) {
            return new ObjectStatus(cluster, kind, namespace, name, state, condition, reason, revision, version,
                    suspended, seen, message);
        }

        public ObjectStatus withSuspended(boolean suspended) {
            return new ObjectStatus(cluster, kind, namespace, name, state, condition, reason, revision, version,
                    suspended, seen, message);
        }
    }
}
