package io.jenkins.plugins.carvelgitops.ui;

import io.jenkins.plugins.carvelgitops.steps.StageResult;
import java.util.ArrayList;
import java.util.List;

/** The per-stage table printed at the end of {@code fluxVerify}, in fixed-width columns. */
public final class StageTable {

    private static final String[] HEADER = {"STAGE", "RESULT", "REVISION", "VERSION", "TOOK", "DETAIL"};

    private StageTable() {
    }

    public static List<String> lines(List<StageResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StageResult r : results) {
            rows.add(new String[] {r.getStage(), r.getState(), shortRevision(r.getRevision()), dash(r.getVersion()), r.getTook(),
                r.getMessage().isEmpty() ? "-" : r.getMessage()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder(ConsoleProgress.PREFIX);
            for (int i = 0; i < row.length - 1; i++) {
                sb.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            sb.append(row[row.length - 1]);
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    /** {@code main@sha1:0123456789abcdef…} → {@code main@sha1:0123456}; anything else unchanged. */
    static String shortRevision(String revision) {
        if (revision == null || revision.isEmpty()) {
            return "-";
        }
        return revision.replaceAll("([0-9a-f]{7})[0-9a-f]{33,57}$", "$1");
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
