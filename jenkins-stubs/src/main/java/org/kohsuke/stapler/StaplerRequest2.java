/*
 * Compile-only stub: mirrors org.kohsuke.stapler.StaplerRequest2 of org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.kohsuke.stapler;

import net.sf.json.JSONObject;

public interface StaplerRequest2 extends jakarta.servlet.http.HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);
}
