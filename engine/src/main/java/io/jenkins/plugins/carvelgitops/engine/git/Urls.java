package io.jenkins.plugins.carvelgitops.engine.git;

import io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls;

/** Repository URLs as they may be shown or stored: never with user info or a query that could hold a secret. */
public final class Urls {

    private Urls() {
    }

    /** {@code https://user:secret@host/x.git?access_token=t} → {@code https://host/x.git}; see {@link RemoteUrls}. */
    public static String withoutCredentials(String url) {
        return RemoteUrls.withoutCredentials(url);
    }

    /** {@code text} with every occurrence of {@code url} replaced by its printable form. */
    public static String scrub(String text, String url) {
        return RemoteUrls.scrub(text, url);
    }
}
