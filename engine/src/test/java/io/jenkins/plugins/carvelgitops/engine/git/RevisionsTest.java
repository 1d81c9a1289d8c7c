package io.jenkins.plugins.carvelgitops.engine.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one short form of a commit that every message and table prints (other tests expect it through it). */
class RevisionsTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void aShortShaIsSevenCharacters() {
        assertThat(Revisions.shortSha(SHA)).isEqualTo("0123456");
        assertThat(Revisions.shortSha("abc")).isEqualTo("abc");
        assertThat(Revisions.shortSha(null)).isEmpty();
    }

    @Test
    void theHashOfBothRevisionFormats() {
        assertThat(Revisions.hashOf("main@sha1:" + SHA.toUpperCase(java.util.Locale.ROOT))).isEqualTo(SHA);
        assertThat(Revisions.hashOf("main/" + SHA)).isEqualTo(SHA);
        assertThat(Revisions.hashOf(" ")).isNull();
    }
}
