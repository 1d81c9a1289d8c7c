package io.jenkins.plugins.carvelgitops.engine.text;

/** Counted nouns in messages: "1 file", "2 files". */
public final class Counts {

    private Counts() {
    }

    /** {@code n} and the noun, plural unless {@code n} is 1 (regular plurals: the noun plus "s"). */
    public static String of(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
