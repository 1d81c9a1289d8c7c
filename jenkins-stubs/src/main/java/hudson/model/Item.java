/*
 * Compile-only stub: mirrors hudson.model.Item of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
    Permission EXTENDED_READ = null;
}
