package io.jenkins.plugins.carvelgitops.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"pass", "dbPass", "db_pass", "pwd", "adminPwd", "auth", "basicAuth", "auth_header", "dsn",
        "sentryDsn", "SENTRY_DSN", "webhook", "slackWebhookUrl", "webhook_url", "password", "apiKey", "token", "key"})
    void sensitiveKeys(String key) {
        assertThat(SensitiveKeys.isSensitiveKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bypass", "compass", "passthrough", "author", "authors", "hostname", "replicas", "keyboard",
        "workload_name", "dsnlike"})
    void ordinaryKeys(String key) {
        assertThat(SensitiveKeys.isSensitiveKey(key)).isFalse();
    }

    @Test
    void valuesThatEmbedAPasswordOrAreWebhooksAreFoundUnderAnyKey() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("database", "postgres://u:pw@db/x");
        values.put("slash", "mysql://u:p/w@db/x");
        values.put("notify", "https://hooks.slack.com/services/T0/B0/abc");
        values.put("teams", List.of("https://example.webhook.office.com/webhookb2/x"));
        values.put("repo", "ssh://git@github.com/acme/app.git");
        values.put("site", "https://example.com/docs");
        values.put("nested", Map.of("url", "redis://:pw@cache:6379"));
        assertThat(SensitiveKeys.find(values, "v")).containsExactly("v.database", "v.slash", "v.notify", "v.teams[0]",
                "v.nested.url");
    }
}
