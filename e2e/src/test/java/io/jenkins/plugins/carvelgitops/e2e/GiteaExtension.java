package io.jenkins.plugins.carvelgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link GiteaServer} for a test class, with an administrator ({@value #ADMIN}, who merges and
 * closes as a reviewer would) and the user the promotions run as ({@value #BOT}, no administrator), and
 * stops it after the class. Without the server the class is skipped with one line saying what is missing
 * and how to build it; under {@code CI=true} it fails with that line, unless {@code .ci/run} reported that
 * its budget for Gitea's cold build ran out ({@value #INCOMPLETE}). Logs stay in {@code target/e2e/gitea/}.
 */
public final class GiteaExtension implements BeforeAllCallback, AfterAllCallback {

    /** Set by {@code .ci/run} when Gitea's cold build did not finish within its budget. */
    static final String INCOMPLETE = "CARVEL_GITOPS_GITEA_INCOMPLETE";
    static final String ADMIN = "alice";
    static final String BOT = "release-bot";
    /** The scopes docs/promotion.md names for Gitea, no more. */
    static final String BOT_SCOPES = "write:repository,write:issue";

    private GiteaServer server;
    private GiteaApi admin;
    private String botToken;

    @Override
    public void beforeAll(ExtensionContext context) {
        Map<String, String> env = System.getenv();
        GiteaServer.Build build = GiteaServer.Build.load(Path.of(System.getProperty("carvelgitops.controlPlane",
                "control-plane.properties")), env);
        String missing = build.missing();
        if (missing != null) {
            String line = ControlPlaneExtension.skipLine(missing, env, INCOMPLETE);
            System.out.println("skipped " + context.getDisplayName() + ": " + line);
            throw new TestAbortedException(line);
        }
        Path dir = Path.of("target", "e2e", "gitea").toAbsolutePath();
        try {
            ControlPlaneExtension.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long start = System.nanoTime();
        server = GiteaServer.start(build, dir);
        double started = (System.nanoTime() - start) / 1e9;
        server.createUser(ADMIN, true);
        server.createUser(BOT, false);
        admin = new GiteaApi(server.apiUrl(), server.token(ADMIN, "write:admin,write:repository,write:issue"));
        botToken = server.token(BOT, BOT_SCOPES);
        System.out.printf("%s: Gitea %s started in %.1fs, users and tokens made in %.1fs (logs in %s)%n",
                context.getDisplayName(), admin.get("/version").path("version").asText(), started,
                (System.nanoTime() - start) / 1e9 - started, dir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    GiteaServer server() {
        if (server == null) {
            throw new IllegalStateException("Gitea is not running");
        }
        return server;
    }

    /** The API as the administrator. */
    GiteaApi admin() {
        return admin;
    }

    /** The promotions' token: {@value #BOT}'s, with {@value #BOT_SCOPES}. */
    String botToken() {
        return botToken;
    }
}
