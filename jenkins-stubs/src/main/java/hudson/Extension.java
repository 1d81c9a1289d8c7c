/*
 * Compile-only stub: mirrors hudson.Extension of org.jenkins-ci.main:jenkins-core:2.479.3.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
}
