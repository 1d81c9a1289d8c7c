/*
 * Compile-only stub: mirrors hudson.model.ItemGroup of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson.model;

public interface ItemGroup<T extends Item> {
}
