package io.jenkins.plugins.carvelgitops.steps;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The parameters of a render, held once for {@code carvelGitopsRender} and the freestyle build step,
 * which both bind their fields here: trimmed, empty means unset (null). No Jenkins types, so it is
 * tested without a running Jenkins; persisted with a freestyle job's configuration.
 */
public final class RenderSettings extends PublishSettings {

    private static final long serialVersionUID = 1L;

    private String packageFile;
    private String stages;
    private boolean allowDowngrade;
    private boolean keepVersion;

    public String getPackageFile() {
        return packageFile;
    }

    public void setPackageFile(String packageFile) {
        this.packageFile = StepParameters.trimToNull(packageFile);
    }

    public String getStages() {
        return stages;
    }

    public void setStages(String stages) {
        this.stages = StepParameters.trimToNull(stages);
    }

    public boolean isAllowDowngrade() {
        return allowDowngrade;
    }

    public void setAllowDowngrade(boolean allowDowngrade) {
        this.allowDowngrade = allowDowngrade;
    }

    public boolean isKeepVersion() {
        return keepVersion;
    }

    public void setKeepVersion(boolean keepVersion) {
        this.keepVersion = keepVersion;
    }

    /** The stage list, checked. */
    public List<String> stageList() {
        return StepParameters.stages(stages);
    }

    /** A copy with build variables expanded in the text fields (not in the credential ID). */
    public RenderSettings expanded(UnaryOperator<String> expand) {
        RenderSettings s = withSharedExpanded(new RenderSettings(), expand);
        s.setPackageFile(StepParameters.expand(expand, packageFile));
        s.setStages(StepParameters.expand(expand, stages));
        s.setAllowDowngrade(allowDowngrade);
        s.setKeepVersion(keepVersion);
        return s;
    }
}
