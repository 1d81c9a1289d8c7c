/*
 * Compile-only stub: mirrors hudson.EnvVars of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("stub");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
