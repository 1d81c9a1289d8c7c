package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import io.jenkins.plugins.carvelgitops.engine.kube.ObjectRef;
import java.util.Objects;

/** What one object must report for a stage to count as delivered. */
public sealed interface Expectation permits Expectation.FluxRevision, Expectation.PackageVersion {

    /** The stage this object belongs to (the GitRepository belongs to every stage; its label is "source"). */
    String stage();

    ObjectRef ref();

    /** What is expected, for reports: {@code revision 1a2b3c4}, {@code version 1.2.3}. */
    String describe();

    /**
     * A Flux GitRepository or Kustomization at our commit or a descendant of it.
     *
     * @param revision the full commit SHA we pushed
     */
    record FluxRevision(String stage, ObjectRef ref, String revision) implements Expectation {
        public FluxRevision {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(revision, "revision");
        }

        @Override
        public String describe() {
            return "Ready at " + Revisions.shortSha(revision) + " or later";
        }
    }

    /**
     * A kapp-controller PackageInstall reconciled at a version.
     *
     * @param mustExist true once Flux has applied the PackageInstall: from then on its absence is a failure
     */
    record PackageVersion(String stage, ObjectRef ref, String version, boolean mustExist) implements Expectation {
        public PackageVersion {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(version, "version");
        }

        public PackageVersion mustExist(boolean value) {
            return new PackageVersion(stage, ref, version, value);
        }

        @Override
        public String describe() {
            return "ReconcileSucceeded at " + version;
        }
    }
}
