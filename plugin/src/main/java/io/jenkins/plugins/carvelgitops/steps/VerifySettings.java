package io.jenkins.plugins.carvelgitops.steps;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The parameters of one verification, as the step and the freestyle builder collect them. */
public record VerifySettings(String config, String stages, String revision, String kubeconfigCredentialsId,
        String timeout, boolean reconcile, String overrides) {

    public List<String> stageList() {
        return StepParameters.stages(stages);
    }

    public Duration timeoutDuration() {
        return StepParameters.duration("timeout", timeout, Duration.ofMinutes(5));
    }

    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }

    /** A full or abbreviated commit SHA, or null. */
    public String checkedRevision() {
        if (revision != null && !revision.matches("[0-9a-f]{7,64}")) {
            throw new IllegalArgumentException("revision: '" + revision + "' is not a commit SHA");
        }
        return revision;
    }
}
