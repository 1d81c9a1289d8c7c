package io.jenkins.plugins.carvelgitops.engine.validate;

import java.util.regex.Pattern;

/** Kubernetes naming rules (k8s.io/apimachinery/pkg/util/validation), as kapp-controller applies them. */
public final class Names {

    /** DNS-1123 label: at most 63 characters, lower-case alphanumerics and '-', alphanumeric at both ends. */
    public static final int LABEL_MAX = 63;
    /** DNS-1123 subdomain: at most 253 characters, labels joined by '.'. */
    public static final int SUBDOMAIN_MAX = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {
    }

    public static boolean isLabel(String s) {
        return s != null && s.length() <= LABEL_MAX && LABEL.matcher(s).matches();
    }

    public static boolean isSubdomain(String s) {
        return s != null && s.length() <= SUBDOMAIN_MAX && SUBDOMAIN.matcher(s).matches();
    }

    /** kapp-controller's refName rule ({@code IsFullyQualifiedName}): a DNS subdomain of three or more labels. */
    public static boolean isFullyQualified(String s) {
        return isSubdomain(s) && s.split("\\.").length >= 3;
    }

    /** Why {@code s} is not a DNS-1123 label, for error messages; null when it is one. */
    public static String labelProblem(String s) {
        if (s == null || s.isEmpty()) {
            return "is empty";
        }
        if (s.length() > LABEL_MAX) {
            return "'" + s + "' is " + s.length() + " characters, more than " + LABEL_MAX;
        }
        if (!LABEL.matcher(s).matches()) {
            return "'" + s + "' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending "
                    + "with a letter or digit)";
        }
        return null;
    }

    /** Why {@code s} is not a safe single path segment; null when it is one. */
    public static String pathSegmentProblem(String s) {
        if (s == null || s.isEmpty()) {
            return "is empty";
        }
        if (s.equals(".") || s.equals("..") || s.contains("/") || s.contains("\\") || s.indexOf('\0') >= 0
                || s.startsWith("~")) {
            return "'" + s + "' is not a plain name: no '/', '\\', '..' or absolute paths";
        }
        return null;
    }
}
