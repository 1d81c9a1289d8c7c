package io.jenkins.plugins.carvelgitops.engine.pullrequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.carvelgitops.engine.testing.GoModules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Gitea's own API description, as the Gitea release serves it at {@code /swagger.v1.json}: the template
 * {@code templates/swagger/v1_openapi3_json.tmpl} (the OpenAPI 3.0 form Gitea generates from its
 * {@code v1_json.tmpl}) inside the {@code code.gitea.io/gitea} module zip from the Go module proxy,
 * checked against the hash go.sum records, read at test time and never committed. Its placeholders
 * are filled as a Gitea served at the root fills them, so its paths are relative to {@code /api/v1}.
 */
public final class GiteaOpenApi extends OpenApiDescription {

    static final String MODULE = "code.gitea.io/gitea";
    static final String VERSION = "v1.27.3";
    static final String H1 = "h1:SRnjvw24ASELKCqyYvAWIlzwOqyFMgfD+UkqQ9SE5eU=";
    static final String TEMPLATE = "templates/swagger/v1_openapi3_json.tmpl";

    private static GiteaOpenApi loaded;
    private static String skipped;

    private GiteaOpenApi(String json) throws IOException {
        // Gitea's description is generated from Go types: a pointer field (merged_at, merged_by, …) is sent
        // as null but not marked nullable, so null fields are not held against their types
        super("Gitea's API", new ObjectMapper().readTree(json), true);
    }

    /** The description, or null (with {@link #skipped()} saying why) when the proxy is out of reach and CI is not set. */
    public static synchronized GiteaOpenApi load() throws IOException {
        if (loaded != null || skipped != null) {
            return loaded;
        }
        Path zip;
        try {
            zip = GoModules.zip(GoModules.defaultCache(), MODULE, VERSION, H1);
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IOException("CI=true but " + MODULE + "@" + VERSION + " cannot be had: " + e.getMessage(), e);
            }
            skipped = "Gitea API description check skipped: " + e.getMessage();
            System.out.println(skipped);
            return null;
        }
        String entryName = MODULE + "@" + VERSION + "/" + TEMPLATE;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.getEntry(entryName);
            if (entry == null) {
                throw new IOException(zip + " holds no " + entryName);
            }
            try (InputStream in = z.getInputStream(entry)) {
                String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                loaded = new GiteaOpenApi(template.replace("{{.SwaggerAppSubUrl}}", "")
                        .replace("{{.SwaggerAppVer}}", VERSION.substring(1)));
            }
        }
        return loaded;
    }

    public static String skipped() {
        return skipped;
    }
}
