package io.jenkins.plugins.carvelgitops.engine.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that look like they hold a secret, wherever they are nested: by key (password, token, secret,
 * credential, a key, and the words pass, pwd, auth, dsn, webhook) or by value (a URL with a password in
 * its user info, such as {@code postgres://u:pw@db/x}, or a webhook URL, whose path is the secret).
 */
final class SensitiveKeys {

    private static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(password|passwd|passphrase|token|secret|credential|private[_-]?key|api[_-]?key|access[_-]?key"
                    + "|webhook).*|key|.*[._-]key|.*[a-z]Key");
    /** Whole words of a key ({@code dbPass}, {@code basic_auth}): as substrings they would match bypass or author. */
    private static final Set<String> SENSITIVE_WORDS = Set.of("pass", "pwd", "auth", "dsn");
    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");
    /** {@code scheme://user:password@host}: the password may hold '/', so the user info ends at the last '@'. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("(?s)^\\s*[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s]*:"
            + "[^\\s]*@.*");
    private static final Pattern WEBHOOK_URL = Pattern.compile("(?i)^\\s*https?://\\S*(hooks?\\.|/webhooks?/|webhook\\.)"
            + "\\S*");

    private SensitiveKeys() {
    }

    /** Paths (under {@code prefix}) of filled scalars whose key or value looks sensitive. */
    static List<String> find(Map<String, Object> values, String prefix) {
        List<String> found = new ArrayList<>();
        walk(values, prefix, false, found);
        return found;
    }

    private static void walk(Object node, String path, boolean sensitiveKey, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(e.getValue(), path + "." + e.getKey(), isSensitiveKey(String.valueOf(e.getKey())), found);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", false, found);
            }
        } else if (node != null && !String.valueOf(node).isEmpty()
                && (sensitiveKey || isSensitiveValue(String.valueOf(node)))) {
            found.add(path);
        }
    }

    static boolean isSensitiveKey(String key) {
        return SENSITIVE.matcher(key).matches() || Arrays.stream(WORD_BREAK.split(key))
                .map(w -> w.toLowerCase(Locale.ROOT)).anyMatch(SENSITIVE_WORDS::contains);
    }

    static boolean isSensitiveValue(String value) {
        return URL_WITH_PASSWORD.matcher(value).matches() || WEBHOOK_URL.matcher(value).matches();
    }
}
