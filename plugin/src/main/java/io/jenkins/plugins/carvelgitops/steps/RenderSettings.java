package io.jenkins.plugins.carvelgitops.steps;

import java.util.List;
import java.util.Map;

/**
 * The parameters of one render, as the step and the freestyle builder both collect them (already
 * trimmed; null means unset).
 */
public record RenderSettings(String config, String packageFile, String stages, String credentialsId,
        boolean dryRun, String message, String overrides) {

    /** The stage list, checked. */
    public List<String> stageList() {
        return StepParameters.stages(stages);
    }

    /** The overrides, checked. */
    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }
}
