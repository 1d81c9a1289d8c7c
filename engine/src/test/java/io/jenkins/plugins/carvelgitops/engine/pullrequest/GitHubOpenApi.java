package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * GitHub's official OpenAPI description (npm {@code @octokit/openapi}, fetched with {@code npm pack}
 * into {@code target/} at test time, never committed), checked as {@link OpenApiDescription} checks.
 */
public final class GitHubOpenApi extends OpenApiDescription {

    static final String PACKAGE = "@octokit/openapi@23.0.2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GitHubOpenApi loaded;
    private static String skipped;

    private GitHubOpenApi(JsonNode root) {
        super("GitHub's API", root, false);
    }

    /** The description, or null (with {@link #skipped()} saying why) when npm is missing and CI is not set. */
    public static synchronized GitHubOpenApi load() throws Exception {
        if (loaded != null || skipped != null) {
            return loaded;
        }
        Path dir = Path.of("target", "octokit-openapi").toAbsolutePath();
        Path spec = dir.resolve("package/generated/api.github.com.json");
        if (!Files.isRegularFile(spec)) {
            Files.createDirectories(dir);
            try {
                run(dir, "npm", "pack", "--silent", PACKAGE);
            } catch (IOException e) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException("CI=true but npm is not available to fetch " + PACKAGE, e);
                }
                skipped = "GitHub OpenAPI check skipped: npm is not available to fetch " + PACKAGE;
                System.out.println(skipped);
                return null;
            }
            try (var files = Files.list(dir)) {
                Path tgz = files.filter(p -> p.toString().endsWith(".tgz")).findFirst().orElseThrow();
                run(dir, "tar", "xzf", tgz.toString(), "package/generated/api.github.com.json");
            }
        }
        loaded = new GitHubOpenApi(JSON.readTree(spec.toFile()));
        return loaded;
    }

    public static String skipped() {
        return skipped;
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fetch.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("fetch.log"));
        }
    }

}
