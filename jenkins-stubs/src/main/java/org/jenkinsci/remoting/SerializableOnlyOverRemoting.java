/*
 * Compile-only stub: mirrors org.jenkinsci.remoting.SerializableOnlyOverRemoting of org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}
