package io.jenkins.plugins.carvelgitops.credentials;

/**
 * The one-line errors for a credential that is missing or of the wrong type. They name the ID and the
 * expected type, never anything the credential holds.
 */
public final class CredentialKinds {

    public static final String GIT_EXPECTED = "Username with password or Secret text";
    public static final String KUBECONFIG_EXPECTED = "Secret file or Secret text";

    private CredentialKinds() {
    }

    public static String missing(String purpose, String id, String expected) {
        return purpose + " credential '" + id + "' was not found (or this build may not use it); expected a "
                + expected + " credential";
    }

    public static String wrongType(String purpose, String id, String actual, String expected) {
        return purpose + " credential '" + id + "' is a " + actual + " credential; expected a " + expected
                + " credential";
    }

    /** A readable name for a credential implementation class, e.g. {@code SSHUserPrivateKey} → "SSH user private key". */
    public static String describe(Class<?> type) {
        String name = type.getSimpleName().replaceAll("(Impl|Credentials)+$", "");
        if (name.isEmpty()) {
            return type.getName();
        }
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ").replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }
}
