package io.jenkins.plugins.carvelgitops.config;

import io.jenkins.plugins.carvelgitops.steps.StepParameters;
import java.util.LinkedHashMap;

/** The global configuration as config keys, and the checks on its values. Pure; tested offline. */
public final class GlobalDefaults {

    private GlobalDefaults() {
    }

    public static LinkedHashMap<String, String> of(String repositoryUrl, String branch, String fluxNamespace) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        put(m, "repository.url", repositoryUrl);
        put(m, "repository.branch", branch);
        put(m, "flux.namespace", fluxNamespace);
        return m;
    }

    /** Why a default repository URL is unusable, or null. Credentials never belong in it. */
    public static String repositoryUrlProblem(String url) {
        String u = StepParameters.trimToNull(url);
        if (u == null) {
            return null;
        }
        if (io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls.credentialProblem(u) != null) {
            return "embeds credentials in the URL; remove them and choose a credential below";
        }
        if (!u.matches("^(https?|ssh|file)://.+") && !u.matches("^[A-Za-z0-9._-]+@[^:]+:.+")) {
            return "is not a Git URL; use https://, ssh:// or git@host:path";
        }
        return null;
    }

    private static void put(LinkedHashMap<String, String> m, String key, String value) {
        String v = StepParameters.trimToNull(value);
        if (v != null) {
            m.put(key, v);
        }
    }
}
