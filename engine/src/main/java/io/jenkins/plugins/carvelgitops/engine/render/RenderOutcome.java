package io.jenkins.plugins.carvelgitops.engine.render;

import io.jenkins.plugins.carvelgitops.engine.git.CommitResult;
import io.jenkins.plugins.carvelgitops.engine.model.DeliveryPlan;
import java.util.Objects;

/** What a render did: the plan, and the commit (or, for a dry run, what would have changed). */
public record RenderOutcome(DeliveryPlan plan, CommitResult commit, boolean dryRun) {

    public RenderOutcome {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(commit, "commit");
    }
}
