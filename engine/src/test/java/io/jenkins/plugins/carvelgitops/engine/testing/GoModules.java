package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Module zips from the Go module proxy ({@code $GOPROXY}, or what {@code go env GOPROXY} says) or from a
 * local Go module cache, each checked against its pinned {@code h1:} hash (the one {@code go.sum} records),
 * so a test can read a project's published files without committing them.
 */
public final class GoModules {

    private GoModules() {
    }

    /** Where downloaded module zips are kept: {@code -Dcarvelgitops.goModules}, else a folder in the temp dir. */
    public static Path defaultCache() {
        String cache = System.getProperty("carvelgitops.goModules");
        return cache != null ? Path.of(cache) : Path.of(System.getProperty("java.io.tmpdir"), "carvel-gitops-go-modules");
    }

    /**
     * The zip of {@code module@version}, from the local Go module cache when it holds it with that hash,
     * else downloaded once into {@code cache/download}.
     *
     * @param h1 the module's hash as go.sum records it ({@code h1:…=})
     */
    public static Path zip(Path cache, String module, String version, String h1) throws IOException {
        String file = escape(module) + "/@v/" + version + ".zip";
        Path goCache = goModCache();
        if (goCache != null && Files.isRegularFile(goCache.resolve("cache/download").resolve(file))
                && h1(goCache.resolve("cache/download").resolve(file)).equals(h1)) {
            return goCache.resolve("cache/download").resolve(file);
        }
        Path zip = cache.resolve("download").resolve(file);
        if (Files.isRegularFile(zip) && h1(zip).equals(h1)) {
            return zip;
        }
        Files.createDirectories(zip.getParent());
        Path partial = Files.createTempFile(zip.getParent(), "download", ".part");
        try {
            URI uri = URI.create(proxy() + "/" + file);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered HTTP " + response.statusCode());
            }
            String actual = h1(partial);
            if (!actual.equals(h1)) {
                throw new IOException(uri + " has hash " + actual + ", expected " + h1);
            }
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return zip;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + file, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Go's module hash ({@code golang.org/x/mod/sumdb/dirhash.HashZip}, "h1:"). */
    public static String h1(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            names.sort(null);
            StringBuilder summary = new StringBuilder();
            for (String name : names) {
                MessageDigest file = sha256();
                try (InputStream in = z.getInputStream(z.getEntry(name))) {
                    byte[] buffer = new byte[16384];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        file.update(buffer, 0, n);
                    }
                }
                summary.append(HexFormat.of().formatHex(file.digest())).append("  ").append(name).append('\n');
            }
            return "h1:" + Base64.getEncoder().encodeToString(sha256().digest(
                    summary.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The first HTTP(S) proxy of {@code $GOPROXY} (entries are separated by commas or pipes), or, when it is
     * not set, of the Go tool's own setting ({@code go env GOPROXY}).
     */
    private static String proxy() throws IOException {
        String configured = System.getenv("GOPROXY");
        if (configured == null || configured.isBlank()) {
            configured = goEnv("GOPROXY");
        }
        for (String entry : configured.split("[,|]")) {
            if (entry.startsWith("https://") || entry.startsWith("http://")) {
                return entry.strip().replaceAll("/+$", "");
            }
        }
        throw new IOException("no HTTP(S) Go module proxy is configured (GOPROXY='" + configured
                + "'); set GOPROXY, or install Go");
    }

    private static String goEnv(String name) throws IOException {
        try {
            Process go = new ProcessBuilder("go", "env", name).redirectErrorStream(true).start();
            String out = new String(go.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (go.waitFor() != 0) {
                throw new IOException("go env " + name + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking go env " + name, e);
        } catch (IOException e) {
            throw new IOException("GOPROXY is not set and the go tool cannot tell its default (" + e.getMessage()
                    + "); set GOPROXY or install Go", e);
        }
    }

    private static Path goModCache() {
        String modCache = System.getenv("GOMODCACHE");
        if (modCache != null && !modCache.isBlank()) {
            return Path.of(modCache);
        }
        String gopath = System.getenv("GOPATH");
        String first = gopath == null || gopath.isBlank() ? null : gopath.split(java.io.File.pathSeparator)[0];
        return first != null ? Path.of(first, "pkg", "mod") : Path.of(System.getProperty("user.home"), "go", "pkg", "mod");
    }

    /** The proxy's case encoding: an upper-case letter becomes '!' and the letter in lower case. */
    private static String escape(String module) {
        StringBuilder sb = new StringBuilder();
        for (char c : module.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? "!" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
