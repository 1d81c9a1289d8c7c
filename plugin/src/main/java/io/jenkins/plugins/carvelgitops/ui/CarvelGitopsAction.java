package io.jenkins.plugins.carvelgitops.ui;

import hudson.model.Run;
import io.jenkins.plugins.carvelgitops.Messages;
import io.jenkins.plugins.carvelgitops.steps.Delivery;
import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import jenkins.model.RunAction2;

/**
 * The "Carvel GitOps" page of a build and its summary line on the build page: what the steps of this
 * build pushed (package, version, commit) and, per stage, how verification went. Also where
 * {@code fluxVerify} finds what to verify when given no stages.
 *
 * <p>{@code run.save()} serializes this action without taking its lock, possibly while a parallel
 * branch records: the lists are therefore copy-on-write. Writers (synchronized) publish a new list;
 * a list once published is never changed, so a reader iterates a stable snapshot. Dry-run diffs are
 * kept bounded ({@link Delivery#forRecord()}).
 */
public final class CarvelGitopsAction implements RunAction2 {

    private volatile ArrayList<Delivery> deliveries = new ArrayList<>();
    private volatile LinkedHashMap<String, StageResult> stageResults = new LinkedHashMap<>();
    private volatile String verifiedRevision;

    private transient Run<?, ?> run;

    /** The build's action, created and attached when missing. */
    public static synchronized CarvelGitopsAction of(Run<?, ?> run) {
        CarvelGitopsAction action = run.getAction(CarvelGitopsAction.class);
        if (action == null) {
            action = new CarvelGitopsAction();
            run.addAction(action);
        }
        return action;
    }

    @Override
    public String getIconFileName() {
        return "/plugin/carvel-gitops/images/carvel-gitops.svg";
    }

    @Override
    public String getDisplayName() {
        return Messages.Action_DisplayName();
    }

    @Override
    public String getUrlName() {
        return "carvel-gitops";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    public synchronized void record(Delivery delivery) {
        ArrayList<Delivery> next = new ArrayList<>(deliveries);
        next.add(delivery.forRecord());
        deliveries = next;
    }

    public synchronized void record(String revision, List<StageResult> results) {
        LinkedHashMap<String, StageResult> next = new LinkedHashMap<>(stageResults);
        for (StageResult r : results) {
            next.put(r.getStage(), r);
        }
        stageResults = next;
        verifiedRevision = revision;
    }

    public synchronized List<Delivery> getDeliveries() {
        return List.copyOf(deliveries);
    }

    /** The latest delivery that wrote something, or null. */
    public synchronized Delivery getLatest() {
        for (int i = deliveries.size() - 1; i >= 0; i--) {
            if (!deliveries.get(i).isDryRun()) {
                return deliveries.get(i);
            }
        }
        return null;
    }

    public synchronized List<StageResult> getStageResults() {
        return List.copyOf(stageResults.values());
    }

    public synchronized String getVerifiedRevision() {
        return verifiedRevision;
    }

    /**
     * What the build pushed, per stage: the latest non-dry-run commit that touched each stage, in the
     * order first delivered. {@code fluxVerify} with no stages verifies exactly these.
     */
    public synchronized LinkedHashMap<String, Delivery> pushedByStage() {
        LinkedHashMap<String, Delivery> byStage = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            if (d.isDryRun() || d.getCommit() == null) {
                continue;
            }
            for (String stage : d.getStages()) {
                byStage.put(stage, d);
            }
        }
        return byStage;
    }

    /** The summary line on the build page. */
    public synchronized String getSummary() {
        Delivery latest = getLatest();
        if (latest == null) {
            return deliveries.isEmpty() ? Messages.Action_NothingDelivered() : deliveries.get(deliveries.size() - 1)
                    .summary();
        }
        StringBuilder sb = new StringBuilder(latest.getPackageName()).append(' ').append(latest.getVersion())
                .append(" \u2192 ").append(String.join(", ", latest.getStages()));
        if (latest.getCommit() != null) {
            sb.append(" @ ").append(latest.getShortCommit());
        }
        if (!stageResults.isEmpty()) {
            long ready = stageResults.values().stream().filter(StageResult::isReady).count();
            sb.append("; verified ").append(ready).append('/').append(stageResults.size()).append(" stages ready");
        }
        return sb.toString();
    }
}
