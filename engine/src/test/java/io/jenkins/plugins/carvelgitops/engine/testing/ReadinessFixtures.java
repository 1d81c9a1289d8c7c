package io.jenkins.plugins.carvelgitops.engine.testing;

import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The objects the readiness rules are tested with ({@code src/test/resources/verify/*.yaml}): Flux and
 * kapp-controller status as the controllers write it, each from status semantics §6 or the controllers'
 * own tests. Shared by the rules' test and the simulators' contract test. Test-only.
 */
public final class ReadinessFixtures {

    /** The commit the fixtures call ours. */
    public static final String OURS = "a1afe267b54f38b46b487f6e938a6fd508278c07";

    private ReadinessFixtures() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> load(String fixture) {
        try (InputStream in = ReadinessFixtures.class.getResourceAsStream("/verify/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no readiness fixture " + fixture + " in src/test/resources/verify");
            }
            return (Map<String, Object>) SafeYaml.parseSingle(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
