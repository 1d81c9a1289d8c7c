package io.jenkins.plugins.carvelgitops.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test reading the real Packages of {@code ../shared/real-packages}, which no package registry serves:
 * skipped, with one line saying so, when they are absent; under {@code CI=true} it fails instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsRealPackages.Condition.class)
public @interface NeedsRealPackages {

    final class Condition implements ExecutionCondition {

        static String missing() {
            return "skipped: the real Packages are not at " + SharedMaterial.sharedLocation().resolve("real-packages")
                    + " (../shared beside the project folder) and no registry serves them";
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (SharedMaterial.hasRealPackages()) {
                return ConditionEvaluationResult.enabled("real Packages present");
            }
            if (SharedMaterial.onCi()) {
                throw new IllegalStateException("CI=true skips nothing: the real Packages are not at "
                        + SharedMaterial.sharedLocation().resolve("real-packages") + "; put the shared material "
                        + "beside the project folder");
            }
            return ConditionEvaluationResult.disabled(missing() + " (" + context.getDisplayName() + ")");
        }
    }
}
