/*
 * Compile-only stub: mirrors org.kohsuke.stapler.QueryParameter of org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0.
 * Signatures of the members the plugin uses, nothing else; every body throws. Never shipped.
 */
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
