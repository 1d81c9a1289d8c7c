package io.jenkins.plugins.carvelgitops.engine.verify;

import java.time.Duration;
import java.util.Map;

/**
 * The safety net under the watches: a watch whose connection died without an error, or that resumed on a
 * server that does not replay what it missed, would otherwise hold a wait until its deadline. What is not
 * ready yet is read once more at this interval, and a read replaces what the watch last showed only when
 * it is newer.
 */
final class MissedEvents {

    static final Duration LONGEST = Duration.ofSeconds(15);
    static final Duration SHORTEST = Duration.ofSeconds(1);

    private MissedEvents() {
    }

    /** At least four reads in a wait, and no more often than each second nor less often than each 15 s. */
    static Duration interval(Duration timeout) {
        Duration quarter = timeout.dividedBy(4);
        return quarter.compareTo(LONGEST) > 0 ? LONGEST : quarter.compareTo(SHORTEST) < 0 ? SHORTEST : quarter;
    }

    /** Whether {@code read} is a later state than {@code seen} (by resourceVersion, where both are numbers). */
    static boolean newer(Map<String, Object> read, Map<String, Object> seen) {
        if (seen == null) {
            return true;
        }
        String r = Obj.str(read, "metadata", "resourceVersion");
        String s = Obj.str(seen, "metadata", "resourceVersion");
        try {
            return Long.parseLong(r) > Long.parseLong(s);
        } catch (NumberFormatException e) {
            return r != null && !r.equals(s);
        }
    }
}
