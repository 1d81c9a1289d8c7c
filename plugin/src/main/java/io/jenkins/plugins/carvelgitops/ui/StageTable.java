package io.jenkins.plugins.carvelgitops.ui;

import io.jenkins.plugins.carvelgitops.engine.text.TextTable;
import io.jenkins.plugins.carvelgitops.engine.verify.ReadinessRules;
import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.util.List;

/** The per-stage table printed at the end of {@code fluxVerify}, in fixed-width columns. */
public final class StageTable {

    private static final String[] HEADER = {"STAGE", "RESULT", "REVISION", "VERSION", "TOOK", "DETAIL"};

    private StageTable() {
    }

    public static List<String> lines(List<StageResult> results) {
        TextTable table = new TextTable(HEADER);
        for (StageResult r : results) {
            table.row(r.getStage(), r.getState(), shortRevision(r.getRevision()), dash(r.getVersion()), r.getTook(),
                    dash(r.getMessage()));
        }
        return table.lines(ConsoleProgress.PREFIX);
    }

    /** {@code main@sha1:0123456789abcdef…} → {@code main@sha1:0123456}, a bare commit to 7 characters; - for none. */
    static String shortRevision(String revision) {
        return dash(ReadinessRules.abbreviate(revision));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
