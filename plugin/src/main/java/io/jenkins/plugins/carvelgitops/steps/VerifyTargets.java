package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.git.Revisions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code fluxVerify} waits for: per stage, the commit Flux must have applied (ours or a
 * descendant) and the Package version the PackageInstall must report (null: whatever the commit
 * pins). Small, JDK-typed, persisted with the running step so a restarted controller resumes it.
 */
public final class VerifyTargets implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, String> revisions;
    private final LinkedHashMap<String, String> versions;

    private VerifyTargets(Map<String, String> revisions, Map<String, String> versions) {
        this.revisions = new LinkedHashMap<>(revisions);
        this.versions = new LinkedHashMap<>(versions);
    }

    /**
     * From the step's parameters when it names stages, else from what earlier steps of the build
     * pushed.
     *
     * @param stages   the {@code stages} parameter (empty: use {@code pushed})
     * @param revision the {@code revision} parameter (null: each stage's pushed commit, else the branch head)
     * @param pushed   per stage, the latest delivery of this build
     * @throws IllegalArgumentException when there is nothing to verify
     */
    public static VerifyTargets of(List<String> stages, String revision, Map<String, Delivery> pushed) {
        LinkedHashMap<String, String> revisions = new LinkedHashMap<>();
        LinkedHashMap<String, String> versions = new LinkedHashMap<>();
        List<String> names = stages.isEmpty() ? new ArrayList<>(pushed.keySet()) : stages;
        if (names.isEmpty()) {
            throw new IllegalArgumentException("nothing to verify: no earlier step of this build pushed a commit; "
                    + "give stages (and a revision) to verify what the repository holds");
        }
        for (String stage : names) {
            Delivery d = pushed.get(stage);
            revisions.put(stage, revision != null ? revision : d != null ? d.getCommit() : null);
            versions.put(stage, revision == null && d != null ? d.getVersion() : null);
        }
        return new VerifyTargets(revisions, versions);
    }

    public List<String> stages() {
        return List.copyOf(revisions.keySet());
    }

    /** The commit expected on {@code stage}; null means the branch head at the time of the check. */
    public String revision(String stage) {
        return revisions.get(stage);
    }

    /** The version expected on {@code stage}; null means the one the applied commit pins. */
    public String version(String stage) {
        return versions.get(stage);
    }

    /** One line for the log and the step status. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        revisions.forEach((stage, rev) -> parts.add(stage + " at " + (rev == null ? "the branch head"
                : Revisions.shortSha(rev)) + (versions.get(stage) == null ? ""
                : " (" + versions.get(stage) + ")")));
        return String.join(", ", parts);
    }
}
