package io.jenkins.plugins.carvelgitops.engine.verify;

import io.jenkins.plugins.carvelgitops.engine.kube.ClusterAccess;
import io.jenkins.plugins.carvelgitops.engine.verify.VerifyReport.Outcome;
import java.util.List;
import java.util.Map;

/** Hands what one watch sees to its {@link VerifyWait}, naming the cluster, kind and namespace it covers. */
final class WatchRouting implements ClusterAccess.WatchListener {

    private final VerifyWait wait;
    private final WaitTargets.Watch watch;

    WatchRouting(VerifyWait wait, WaitTargets.Watch watch) {
        this.wait = wait;
        this.watch = watch;
    }

    @Override
    public void synced(List<Map<String, Object>> objects) {
        wait.synced(watch, objects);
    }

    @Override
    public void changed(Map<String, Object> object) {
        wait.update(watch, Obj.str(object, "metadata", "name"), object);
    }

    @Override
    public void deleted(Map<String, Object> object) {
        wait.update(watch, Obj.str(object, "metadata", "name"), null);
    }

    @Override
    public void failed(String message) {
        wait.finish(Outcome.FAILED, message);
    }

    @Override
    public void interrupted(String message) {
        wait.interrupted(message);
    }
}
