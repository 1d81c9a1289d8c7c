package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The real CRDs as their projects publish them, taken from the projects' Go modules on the Go module
 * proxy ({@code $GOPROXY}, or what {@code go env GOPROXY} says) or from a local Go module cache, each module zip
 * checked against its pinned {@code h1:} hash (the one {@code go.sum} records). Used when
 * {@code ../shared/crds} is not beside the project; the files are the same, byte for byte.
 */
final class GoModuleCrds {

    /** One CRD file: the {@code shared/crds} folder it belongs in, and where it lies in which module. */
    record Source(String set, String module, String version, String h1, String pathInModule) {

        String fileName() {
            return pathInModule.substring(pathInModule.lastIndexOf('/') + 1);
        }
    }

    static final List<Source> SOURCES = List.of(
            new Source("flux-v2", "github.com/fluxcd/kustomize-controller", "v1.9.4",
                    "h1:VBnBMhnemqnE5Zca2AoG2gC4472MoiTmk9rdqvLoMcY=",
                    "config/crd/bases/kustomize.toolkit.fluxcd.io_kustomizations.yaml"),
            new Source("flux-v2", "github.com/fluxcd/source-controller", "v1.9.1",
                    "h1:FF8XTxLND/pXzVtUESKURUDiItFJQDZBZkbHvZimN8s=",
                    "config/crd/bases/source.toolkit.fluxcd.io_gitrepositories.yaml"),
            new Source("flux-v0.41", "github.com/fluxcd/kustomize-controller", "v0.35.1",
                    "h1:pHGWOOuPP8MrR+K0iRNgQw8UaLtU7FEY4PvTBqxQ5Bo=",
                    "config/crd/bases/kustomize.toolkit.fluxcd.io_kustomizations.yaml"),
            new Source("flux-v0.41", "github.com/fluxcd/source-controller", "v0.36.1",
                    "h1:UujqZ8t11mVYTEI+itRzTH37yfkOMh5oJFfjeDwhn+Q=",
                    "config/crd/bases/source.toolkit.fluxcd.io_gitrepositories.yaml"),
            new Source("kapp-controller", "carvel.dev/kapp-controller", "v0.53.1",
                    "h1:svq5EL3ZagHGjirqn/fPCH5bVB+ZrO7N72YZ/5i4kJc=", "config/config/crds.yml"));

    private GoModuleCrds() {
    }

    /** A folder laid out like {@code shared/crds} ({@code <set>/<file>}), filled once under {@code cache}. */
    static synchronized Path materialize(Path cache) {
        Path crds = cache.resolve("crds");
        try {
            for (Source s : SOURCES) {
                Path target = crds.resolve(s.set()).resolve(s.fileName());
                if (!Files.isRegularFile(target)) {
                    extract(moduleZip(cache, s), s, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot get the CRDs from their Go modules (" + e.getMessage() + "); "
                    + "reach the Go module proxy ($GOPROXY) or put the shared material beside the project", e);
        }
        return crds;
    }

    private static Path moduleZip(Path cache, Source s) throws IOException {
        return GoModules.zip(cache, s.module(), s.version(), s.h1());
    }

    private static void extract(Path zip, Source s, Path target) throws IOException {
        String entryName = s.module() + "@" + s.version() + "/" + s.pathInModule();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.getEntry(entryName);
            if (entry == null) {
                throw new IOException(zip + " holds no " + entryName);
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try (InputStream in = z.getInputStream(entry)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Go's module hash ({@code golang.org/x/mod/sumdb/dirhash.HashZip}, "h1:"). */
    static String h1(Path zip) throws IOException {
        return GoModules.h1(zip);
    }
}
