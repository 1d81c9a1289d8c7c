package io.jenkins.plugins.carvelgitops.engine.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PackageInstall's {@code versionSelection.constraints} as kapp-controller reads it (the range
 * grammar of {@code carvel-dev/semver/v4}): terms joined by spaces are AND, groups joined by
 * {@code ||} are OR; operators {@code < <= > >= = == != !} or none (equality); {@code x} wildcards only
 * at the end ({@code 1.x}, {@code 1.2.x}, {@code 1.x.x}); versions strict, without a {@code v}. There is
 * no npm-style pre-release rule: {@code >=1.0.0 <2.0.0} matches {@code 2.0.0-rc.1}. Pre-release
 * filtering happens before the range, in {@link VersionSelection}.
 */
public final class VersionConstraint implements Predicate<Semver> {

    private static final Pattern TERM = Pattern.compile("^(<=|>=|==|!=|<|>|=|!)?(.*)$");
    private static final Pattern OPERATOR_ONLY = Pattern.compile("^(<=|>=|==|!=|<|>|=|!)$");
    private static final Pattern WILDCARD = Pattern.compile("^(0|[1-9][0-9]*)\\.(?:(x)(?:\\.x)?|(0|[1-9][0-9]*)\\.x)$");

    private final String text;
    private final List<List<Comparator>> anyOf;

    private VersionConstraint(String text, List<List<Comparator>> anyOf) {
        this.text = text;
        this.anyOf = anyOf;
    }

    /** Parses a constraint; throws {@link IllegalArgumentException} with the reason kapp-controller would give. */
    public static VersionConstraint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("constraint is empty");
        }
        List<List<Comparator>> anyOf = new ArrayList<>();
        for (String group : text.split("\\|\\|", -1)) {
            List<Comparator> allOf = new ArrayList<>();
            for (String term : terms(group, text)) {
                allOf.addAll(comparators(term, text));
            }
            anyOf.add(List.copyOf(allOf));
        }
        return new VersionConstraint(text, List.copyOf(anyOf));
    }

    /** The exact version a constraint pins ({@code 1.2.3}, {@code =1.2.3}, {@code ==1.2.3}), or null for a range. */
    public static Semver exactVersion(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replaceFirst("^==?\\s*", "");
        return Semver.isValid(t) ? Semver.parse(t) : null;
    }

    private static List<String> terms(String group, String whole) {
        String[] raw = group.strip().split("\\s+");
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String token = raw[i];
            if (token.isEmpty()) {
                throw new IllegalArgumentException("'" + whole + "' has an empty alternative around '||'");
            }
            if (OPERATOR_ONLY.matcher(token).matches() && i + 1 < raw.length) {
                token = token + raw[++i];
            }
            terms.add(token);
        }
        return terms;
    }

    private static List<Comparator> comparators(String term, String whole) {
        Matcher m = TERM.matcher(term);
        m.matches();
        String op = m.group(1) == null ? "" : m.group(1);
        String version = m.group(2);
        Matcher w = WILDCARD.matcher(version);
        if (w.matches()) {
            return wildcard(op, w);
        }
        if (!Semver.isValid(version)) {
            throw new IllegalArgumentException("'" + whole + "' has '" + term + "', which is not an operator and a "
                    + "MAJOR.MINOR.PATCH version" + (version.startsWith("v") ? " (no 'v' prefix in constraints)" : ""));
        }
        return List.of(new Comparator(op, Semver.parse(version)));
    }

    /** Wildcards expand as carvel-dev/semver expands them, including its {@code !=1.x} quirk (an empty range). */
    private static List<Comparator> wildcard(String op, Matcher w) {
        String major = w.group(1);
        boolean majorWildcard = w.group(2) != null;
        String minor = majorWildcard ? "0" : w.group(3);
        Semver flat = Semver.parse(major + "." + minor + ".0");
        Semver next = majorWildcard ? Semver.parse(new BigInteger(major).add(BigInteger.ONE) + ".0.0")
                : Semver.parse(major + "." + new BigInteger(minor).add(BigInteger.ONE) + ".0");
        return switch (op) {
            case ">" -> List.of(new Comparator(">=", next));
            case ">=" -> List.of(new Comparator(">=", flat));
            case "<" -> List.of(new Comparator("<", flat));
            case "<=" -> List.of(new Comparator("<", next));
            case "!=", "!" -> List.of(new Comparator("<", flat), new Comparator(">=", next));
            default -> List.of(new Comparator(">=", flat), new Comparator("<", next));
        };
    }

    @Override
    public boolean test(Semver version) {
        for (List<Comparator> allOf : anyOf) {
            if (allOf.stream().allMatch(c -> c.test(version))) {
                return true;
            }
        }
        return false;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private record Comparator(String op, Semver version) {
        boolean test(Semver v) {
            int c = v.compareTo(version);
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "!=", "!" -> c != 0;
                default -> c == 0;
            };
        }
    }
}
