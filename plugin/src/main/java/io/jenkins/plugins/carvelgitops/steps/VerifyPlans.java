package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * From {@link VerifyTargets} to engine requests: the engine verifies one commit per request, so stages
 * expected at different commits (a build that rendered staging and then promoted prod) become one
 * request each; abbreviated SHAs are resolved first, so the same commit written two ways is one request.
 */
final class VerifyPlans {

    private static final String FULL_SHA = "[0-9a-fA-F]{40}";

    private VerifyPlans() {
    }

    /**
     * The stages per full commit, in the order first named; the {@code null} key holds the stages to
     * verify at the branch head.
     *
     * @param fullSha resolves an abbreviated SHA (the engine's {@code CommitNames}, which throws naming it)
     */
    static LinkedHashMap<String, List<String>> byRevision(VerifyTargets targets, UnaryOperator<String> fullSha) {
        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        for (String stage : targets.stages()) {
            String rev = targets.revision(stage);
            String full = rev == null ? null : rev.matches(FULL_SHA) ? rev.toLowerCase(Locale.ROOT)
                    : fullSha.apply(rev);
            groups.computeIfAbsent(full, k -> new ArrayList<>()).add(stage);
        }
        return groups;
    }

    /**
     * The planned request with each stage's version replaced by the one the build recorded for it
     * (the version it pushed); stages with no recorded version keep what the commit pins.
     */
    static VerifyRequest withRecordedVersions(VerifyRequest planned, VerifyTargets targets) {
        List<VerifyRequest.StageTarget> stages = new ArrayList<>();
        for (VerifyRequest.StageTarget s : planned.stages()) {
            String recorded = targets.version(s.stage());
            stages.add(recorded == null || recorded.equals(s.version()) ? s : new VerifyRequest.StageTarget(
                    s.stage(), s.kustomizations(), s.namespace(), s.packageInstall(), recorded, s.kubeconfig()));
        }
        return new VerifyRequest(planned.buildCluster(), planned.fluxApiVersion(), planned.fluxNamespace(),
                planned.gitRepository(), planned.revision(), stages, planned.timeout(), planned.reconcile(),
                planned.kubeconfigFromSecret());
    }
}
