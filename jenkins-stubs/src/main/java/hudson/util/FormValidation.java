/*
 * Compile-only stub: mirrors hudson.util.FormValidation of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    private FormValidation() {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("stub");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("stub");
    }
}
