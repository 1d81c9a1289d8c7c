package io.jenkins.plugins.carvelgitops.steps;

import io.jenkins.plugins.carvelgitops.engine.pullrequest.MergeWait;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.ProviderKind;
import io.jenkins.plugins.carvelgitops.engine.pullrequest.PullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The maps the steps return to Pipeline scripts: plain {@link String}, {@link Boolean},
 * {@link Long}, {@link ArrayList} and {@link LinkedHashMap} values, so a scripted or declarative
 * Pipeline can read {@code result.commit} and the map survives a restart.
 */
public final class StepResults {

    private StepResults() {
    }

    /** {@code carvelGitopsRender}: package, version, stages, commit, changed, dryRun, files, changedFiles. */
    public static LinkedHashMap<String, Object> render(Delivery d) {
        LinkedHashMap<String, Object> m = delivery(d);
        m.put("files", new ArrayList<>(d.getFiles()));
        m.put("changedFiles", new ArrayList<>(d.getChangedFiles()));
        if (d.isDryRun()) {
            m.put("diff", d.getDiff());
        }
        if (d.getPullRequest() != null) {
            m.put("pullRequest", new LinkedHashMap<>(d.getPullRequest()));
        }
        return m;
    }

    /**
     * {@code carvelGitopsPromote}: package, version, stages, commit, changed, dryRun, from, to, previous,
     * downgrade, changedFiles (and diff for a dry run).
     */
    public static LinkedHashMap<String, Object> promote(Delivery d) {
        LinkedHashMap<String, Object> m = delivery(d);
        m.put("from", d.getFrom());
        m.put("to", d.getStages().isEmpty() ? null : d.getStages().get(0));
        m.put("previous", d.getPrevious());
        m.put("downgrade", d.isDowngrade());
        m.put("changedFiles", new ArrayList<>(d.getChangedFiles()));
        if (d.isDryRun()) {
            m.put("diff", d.getDiff());
        }
        if (d.getPullRequest() != null) {
            m.put("pullRequest", new LinkedHashMap<>(d.getPullRequest()));
        }
        return m;
    }

    /**
     * {@code carvelGitopsWaitForMerge}: provider, number, url, state, mergeCommit, closedBy, wait
     * ({@code merged}, {@code closed}, {@code timedOut}) and waitedSeconds.
     */
    public static LinkedHashMap<String, Object> mergeWait(ProviderKind provider, MergeWait.Result result) {
        PullRequest pr = result.pullRequest();
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider.name().toLowerCase(Locale.ROOT));
        m.put("number", (long) pr.number());
        m.put("url", pr.url());
        m.put("state", pr.state().name().toLowerCase(Locale.ROOT));
        m.put("mergeCommit", pr.mergeCommit());
        m.put("closedBy", pr.closedBy());
        m.put("wait", switch (result.ending()) {
            case MERGED -> "merged";
            case CLOSED -> "closed";
            case TIMED_OUT -> "timedOut";
        });
        m.put("waitedSeconds", result.waited().toSeconds());
        return m;
    }

    /** {@code fluxVerify}: ready (all stages), revision, and one map per stage. */
    public static LinkedHashMap<String, Object> verify(String revision, List<StageResult> stages) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("ready", stages.stream().allMatch(StageResult::isReady));
        m.put("revision", revision);
        ArrayList<Object> list = new ArrayList<>();
        for (StageResult s : stages) {
            LinkedHashMap<String, Object> row = new LinkedHashMap<>();
            row.put("stage", s.getStage());
            row.put("state", s.getState());
            row.put("revision", s.getRevision());
            row.put("version", s.getVersion());
            row.put("seconds", s.getDurationMillis() / 1000L);
            row.put("message", s.getMessage());
            list.add(row);
        }
        m.put("stages", list);
        return m;
    }

    private static LinkedHashMap<String, Object> delivery(Delivery d) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        m.put("package", d.getPackageName());
        m.put("version", d.getVersion());
        m.put("stages", new ArrayList<>(d.getStages()));
        m.put("commit", d.getCommit());
        m.put("changed", d.isChanged());
        m.put("dryRun", d.isDryRun());
        return m;
    }
}
