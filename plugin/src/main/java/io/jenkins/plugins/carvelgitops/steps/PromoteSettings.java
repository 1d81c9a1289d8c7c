package io.jenkins.plugins.carvelgitops.steps;

import java.util.Map;

/** The parameters of one promotion, as the step and the freestyle builder collect them. */
public record PromoteSettings(String config, String from, String to, String version, boolean allowDowngrade,
        String credentialsId, boolean dryRun, String message, String overrides) {

    /** The overrides, checked. */
    public Map<String, String> overrideMap() {
        return StepParameters.overrides(overrides);
    }

    /** Checks the stage names; throws {@link IllegalArgumentException} naming the bad one. */
    public void check() {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("to: the stage to promote to is required");
        }
        for (String[] field : new String[][] {{"to", to}, {"from", from}}) {
            if (field[1] != null && StepParameters.stageNameProblem(field[1]) != null) {
                throw new IllegalArgumentException(field[0] + ": '" + field[1] + "' "
                        + StepParameters.stageNameProblem(field[1]));
            }
        }
    }
}
