package io.jenkins.plugins.carvelgitops.engine.model;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict SemVer 2.0 version as kapp-controller parses it ({@code carvel-dev/semver/v4}, a fork of
 * blang/semver v4): {@code MAJOR.MINOR.PATCH[-pre][+build]}, no leading zeroes, no {@code v} prefix.
 * Ordering follows the same library: numbers, then pre-release (a release outranks its pre-releases,
 * identifiers compared numerically or lexically), then build metadata (no build sorts first, then the
 * build identifiers as pre-release identifiers are compared): in kapp-controller {@code 1.0.0 < 1.0.0+1
 * < 1.0.0+ab1}, so a bare {@code 1.0.0} constraint does not select {@code 1.0.0+1}.
 */
public record Semver(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease, String build,
        String text) implements Comparable<Semver> {

    private static final String NUM = "(0|[1-9][0-9]*)";
    private static final String PRE_ID = "(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)";
    private static final Pattern SEMVER = Pattern.compile("^" + NUM + "\\." + NUM + "\\." + NUM
            + "(?:-(" + PRE_ID + "(?:\\." + PRE_ID + ")*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    public Semver {
        Objects.requireNonNull(text, "text");
        preRelease = List.copyOf(preRelease);
    }

    public static boolean isValid(String s) {
        return s != null && SEMVER.matcher(s).matches();
    }

    /** Parses a strict version; throws {@link IllegalArgumentException} saying why not. */
    public static Semver parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("version is empty");
        }
        Matcher m = SEMVER.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException(reason(s));
        }
        List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
        return new Semver(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)), pre,
                m.group(5), s);
    }

    private static String reason(String s) {
        if (s.startsWith("v") || s.startsWith("V")) {
            return "'" + s + "' has a 'v' prefix; kapp-controller wants plain semver such as " + s.substring(1);
        }
        String core = s.replaceAll("[-+].*$", "");
        String[] parts = core.split("\\.", -1);
        if (parts.length != 3) {
            return "'" + s + "' has " + parts.length + " numbers, semver has exactly three (MAJOR.MINOR.PATCH)";
        }
        for (String p : parts) {
            if (p.length() > 1 && p.startsWith("0") && p.chars().allMatch(Character::isDigit)) {
                return "'" + s + "' has a leading zero in '" + p + "'";
            }
        }
        return "'" + s + "' is not semver (MAJOR.MINOR.PATCH[-prerelease][+build])";
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    @Override
    public int compareTo(Semver o) {
        int c = major.compareTo(o.major);
        if (c == 0) {
            c = minor.compareTo(o.minor);
        }
        if (c == 0) {
            c = patch.compareTo(o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (preRelease.isEmpty() != o.preRelease.isEmpty()) {
            return preRelease.isEmpty() ? 1 : -1;
        }
        c = compareIds(preRelease, o.preRelease);
        if (c != 0) {
            return c;
        }
        List<String> b = buildIds();
        List<String> ob = o.buildIds();
        if (b.isEmpty() || ob.isEmpty()) {
            return Boolean.compare(!b.isEmpty(), !ob.isEmpty());
        }
        return compareIds(b, ob);
    }

    private List<String> buildIds() {
        return build == null ? List.of() : List.of(build.split("\\."));
    }

    private static int compareIds(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = comparePreId(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int comparePreId(String a, String b) {
        boolean an = NUMERIC.matcher(a).matches();
        boolean bn = NUMERIC.matcher(b).matches();
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return text;
    }
}
