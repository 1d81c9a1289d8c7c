package io.jenkins.plugins.carvelgitops.engine.kube;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The content of a kubeconfig, held as a value. It is a secret: {@link #toString()} never shows it, and
 * nothing in the engine writes it to a log, an exception or a file.
 *
 * @param content the kubeconfig YAML
 */
public record KubeconfigAuth(String content) {

    public KubeconfigAuth {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new IllegalArgumentException("the kubeconfig is empty");
        }
    }

    /** A short digest that tells two kubeconfigs apart without revealing either (used to share clients). */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    @Override
    public String toString() {
        return "KubeconfigAuth[****]";
    }
}
