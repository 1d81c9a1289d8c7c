package io.jenkins.plugins.carvelgitops.engine.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as Flux writes them ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1.5h}, {@code 500ms}). */
public final class FluxDuration {

    /** The pattern of the Flux CRDs' {@code interval} and {@code timeout} fields. */
    public static final Pattern FORMAT = Pattern.compile("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$");
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");

    private FluxDuration() {
    }

    public static boolean isValid(String s) {
        return s != null && FORMAT.matcher(s).matches();
    }

    /** Parses a valid Flux duration; throws {@link IllegalArgumentException} naming the accepted form otherwise. */
    public static Duration parse(String s) {
        if (!isValid(s)) {
            throw new IllegalArgumentException("'" + s + "' is not a duration like 90s, 5m or 1h");
        }
        Matcher m = PART.matcher(s);
        BigDecimal millis = BigDecimal.ZERO;
        while (m.find()) {
            BigDecimal n = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            millis = millis.add(n.multiply(BigDecimal.valueOf(unit)));
        }
        return Duration.ofMillis(millis.longValue());
    }

    /**
     * Formats a duration as Go's {@code time.Duration.String()} does (which Flux prints), without its zero
     * components: Go's {@code 1h0m0s} is {@code 1h}, {@code 1m30s} stays, {@code 1.5s} and {@code 500ms} too.
     * {@link #parse} (and Go's {@code time.ParseDuration}) read the result back as the same duration, to the
     * millisecond. {@code FluxDurationTest} checks this against a table Go printed.
     */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms < 1_000) {
            return ms + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long h = ms / 3_600_000;
        long m = ms % 3_600_000 / 60_000;
        long secondsMillis = ms % 60_000;
        if (h > 0) {
            sb.append(h).append('h');
        }
        if (m > 0) {
            sb.append(m).append('m');
        }
        if (secondsMillis > 0) {
            sb.append(BigDecimal.valueOf(secondsMillis, 3).stripTrailingZeros().toPlainString()).append('s');
        }
        return sb.toString();
    }
}
