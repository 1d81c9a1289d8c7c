package io.jenkins.plugins.carvelgitops.steps;

import java.util.function.UnaryOperator;

/**
 * The parameters of a promotion, held once for {@code carvelGitopsPromote} and the freestyle build
 * step: trimmed, empty means unset (null). {@code to} is required: {@link #check()} says so.
 */
public final class PromoteSettings extends PublishSettings {

    private static final long serialVersionUID = 1L;

    private String to;
    private String from;
    private String version;
    private boolean allowDowngrade;
    private boolean pullRequest;
    private String waitForMerge;
    private boolean requireLive;

    public PromoteSettings(String to) {
        setTo(to);
    }

    public String getTo() {
        return to;
    }

    /** Never null: an empty {@code to} is reported by {@link #check()}, not by binding. */
    private void setTo(String to) {
        String t = StepParameters.trimToNull(to);
        this.to = t == null ? "" : t;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = StepParameters.trimToNull(from);
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = StepParameters.trimToNull(version);
    }

    public boolean isAllowDowngrade() {
        return allowDowngrade;
    }

    public void setAllowDowngrade(boolean allowDowngrade) {
        this.allowDowngrade = allowDowngrade;
    }

    public boolean isPullRequest() {
        return pullRequest;
    }

    public void setPullRequest(boolean pullRequest) {
        this.pullRequest = pullRequest;
    }

    /** How long to wait for the pull request's merge, like 30m; null: do not wait. */
    public String getWaitForMerge() {
        return waitForMerge;
    }

    public void setWaitForMerge(String waitForMerge) {
        this.waitForMerge = StepParameters.trimToNull(waitForMerge);
    }

    /** Promote only what the source stage's run cluster runs, read with its stage kubeconfig credential. */
    public boolean isRequireLive() {
        return requireLive;
    }

    public void setRequireLive(boolean requireLive) {
        this.requireLive = requireLive;
    }

    /** Checks the stage names; throws {@link IllegalArgumentException} naming the bad one. */
    public void check() {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to: the stage to promote to is required");
        }
        for (String[] field : new String[][] {{"to", to}, {"from", from}}) {
            String problem = field[1] == null ? null : StepParameters.stageNameProblem(field[1]);
            if (problem != null) {
                throw new IllegalArgumentException(field[0] + ": '" + field[1] + "' " + problem);
            }
        }
    }

    /** A copy with build variables expanded in the text fields (not in the credential ID). */
    public PromoteSettings expanded(UnaryOperator<String> expand) {
        PromoteSettings s = withSharedExpanded(new PromoteSettings(StepParameters.expand(expand, to)), expand);
        s.setFrom(StepParameters.expand(expand, from));
        s.setVersion(StepParameters.expand(expand, version));
        s.setAllowDowngrade(allowDowngrade);
        s.setPullRequest(pullRequest);
        s.setWaitForMerge(StepParameters.expand(expand, waitForMerge));
        s.setRequireLive(requireLive);
        return s;
    }
}
