package io.jenkins.plugins.carvelgitops.bench;

import java.util.Locale;

/**
 * One scenario's figures, measured side by side in one run.
 *
 * @param target what the issue asks for, and whether it was met (null when the scenario has no target)
 */
record Result(String scenario, Stats ours, Stats baseline, String detail, String target, Boolean met) {

    String line() {
        StringBuilder sb = new StringBuilder(scenario).append(": ours ").append(Stats.fmt(ours.median()));
        if (baseline != null) {
            sb.append(", baseline ").append(Stats.fmt(baseline.median()))
                    .append(String.format(Locale.ROOT, ", ratio %.1f", baseline.median() / Math.max(ours.median(), 0.001)));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        if (target != null) {
            sb.append(met ? " [target met: " : " [target MISSED: ").append(target).append(']');
        }
        return sb.toString();
    }
}
