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
     * Formats a duration exactly as Go's {@code time.Duration.String()} does, which is what Flux prints:
     * {@code 0s}, {@code 500ms}, {@code 1.5s}, {@code 1m30s}, {@code 5m0s}, {@code 1h0m0s}, {@code -1h30m0s};
     * below a second in the largest unit that keeps the number at least 1 ({@code ns}, {@code µs},
     * {@code ms}), fractions without trailing zeros. Go's durations end at about 292 years; a longer one
     * is written on the same pattern. {@code FluxDurationTest} checks this against a table Go printed.
     */
    public static String format(Duration d) {
        boolean negative = d.isNegative();
        Duration abs = d.abs();
        long seconds = abs.getSeconds();
        int nanos = abs.getNano();
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (seconds == 0) {
            if (nanos == 0) {
                return "0s";
            } else if (nanos < 1_000) {
                sb.append(nanos).append("ns");
            } else if (nanos < 1_000_000) {
                sb.append(decimal(nanos, 3)).append("\u00b5s");
            } else {
                sb.append(decimal(nanos, 6)).append("ms");
            }
            return sb.toString();
        }
        long hours = seconds / 3_600;
        long minutes = seconds / 60 % 60;
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(decimal(seconds % 60 * 1_000_000_000L + nanos, 9)).append('s').toString();
    }

    /**
     * How long something took, for tables and logs: {@link #format} of the duration rounded to a tenth of a
     * second below a minute ({@code 400ms}, {@code 4.2s}, {@code 42s}) and to the second above
     * ({@code 5m5s}, {@code 1h0m0s}).
     */
    public static String took(Duration d) {
        long unit = d.abs().compareTo(Duration.ofMinutes(1)) < 0 ? 100 : 1_000;
        return format(Duration.ofMillis(Math.round(d.toMillis() / (double) unit) * unit));
    }

    /** {@code value / 10^scale} in plain digits, without trailing zeros or a bare decimal point. */
    private static String decimal(long value, int scale) {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
    }
}
