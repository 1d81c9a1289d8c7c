/*
 * Compile-only stub: mirrors net.sf.json.JSONObject of org.kohsuke.stapler:json-lib:2.4-jenkins-8.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package net.sf.json;

public final class JSONObject {
    private JSONObject() {
        throw new UnsupportedOperationException("stub");
    }
}
