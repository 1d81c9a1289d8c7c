/*
 * Compile-only stub: mirrors hudson.util.ListBoxModel of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
        throw new UnsupportedOperationException("stub");
    }

    public static final class Option {
        private Option() {
            throw new UnsupportedOperationException("stub");
        }
    }
}
