package io.jenkins.plugins.carvelgitops.engine.git;

/** Repository URLs as they may be shown: never with user info that could hold a secret. */
public final class Urls {

    private Urls() {
    }

    /** {@code https://user:secret@host/x.git} → {@code https://host/x.git}; other forms unchanged. */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
