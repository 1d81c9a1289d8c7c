package io.jenkins.plugins.carvelgitops.steps;

import hudson.util.FormValidation;

/** Form validation shared by the steps' and builders' configuration pages. */
public final class Forms {

    private Forms() {
    }

    public static FormValidation checkStages(String value) {
        try {
            StepParameters.stages(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkStage(String value, boolean required) {
        String name = StepParameters.trimToNull(value);
        if (name == null) {
            return required ? FormValidation.error("a stage name is required") : FormValidation.ok();
        }
        String problem = StepParameters.stageNameProblem(name);
        return problem == null ? FormValidation.ok() : FormValidation.error("'" + name + "' " + problem);
    }

    public static FormValidation checkOverrides(String value) {
        try {
            StepParameters.overrides(value);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation checkDuration(String value) {
        String problem = StepParameters.durationProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}
