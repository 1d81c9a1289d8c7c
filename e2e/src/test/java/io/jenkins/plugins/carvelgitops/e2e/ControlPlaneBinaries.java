package io.jenkins.plugins.carvelgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version set of {@code e2e/control-plane.properties} and where {@code .ci/control-plane} keeps its
 * binaries: {@code $CARVEL_GITOPS_CONTROL_PLANE}, else {@code ~/.cache/carvel-gitops/<set>} named, as the
 * script names it, after the SHA-256 of the sorted non-comment lines but for the {@code gitea.*} ones (Gitea
 * has a folder of its own, see {@link GiteaServer}). {@code KUBEBUILDER_ASSETS}
 * (envtest's convention) supplies kube-apiserver and etcd when set.
 */
public record ControlPlaneBinaries(Map<String, String> versions, Path folder, Path assets) {

    /** The keys of the Gitea server, which are no part of the control plane's version set. */
    static final String GITEA_PREFIX = "gitea.";

    /** Reads the version set and resolves the folders from {@code env}. */
    public static ControlPlaneBinaries load(Path properties, Map<String, String> env) {
        List<String> lines;
        try {
            lines = Files.readAllLines(properties, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        List<String> entries = lines.stream().filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#"))
                .sorted().toList();
        Map<String, String> versions = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException(properties + ": '" + entry + "' is not key=value; fix the line");
            }
            versions.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        String set = sha256(entries.stream().filter(e -> !e.startsWith(GITEA_PREFIX)).map(e -> e + "\n")
                .collect(java.util.stream.Collectors.joining())).substring(0, 12);
        Path folder;
        if (nonEmpty(env.get("CARVEL_GITOPS_CONTROL_PLANE"))) {
            folder = Path.of(env.get("CARVEL_GITOPS_CONTROL_PLANE"));
        } else {
            Path cache = nonEmpty(env.get("XDG_CACHE_HOME")) ? Path.of(env.get("XDG_CACHE_HOME"))
                    : Path.of(System.getProperty("user.home"), ".cache");
            folder = cache.resolve("carvel-gitops").resolve(set);
        }
        Path assets = nonEmpty(env.get("KUBEBUILDER_ASSETS")) ? Path.of(env.get("KUBEBUILDER_ASSETS")) : null;
        return new ControlPlaneBinaries(Map.copyOf(versions), folder, assets);
    }

    public String version(String key) {
        String value = versions.get(key);
        if (value == null) {
            throw new IllegalStateException("control-plane.properties has no " + key + "; add it");
        }
        return value;
    }

    public Path kubeApiServer() {
        return assets != null ? assets.resolve("kube-apiserver") : folder.resolve("bin/kube-apiserver");
    }

    public Path etcd() {
        return assets != null ? assets.resolve("etcd") : folder.resolve("bin/etcd");
    }

    /** Not part of envtest's assets: started only when the script built it. */
    public Optional<Path> controllerManager() {
        Path kcm = folder.resolve("bin/kube-controller-manager");
        return assets == null && Files.isExecutable(kcm) ? Optional.of(kcm) : Optional.empty();
    }

    public Path sourceController(FluxGeneration g) {
        return folder.resolve("flux-" + g.key()).resolve("source-controller");
    }

    public Path kustomizeController(FluxGeneration g) {
        return folder.resolve("flux-" + g.key()).resolve("kustomize-controller");
    }

    /** The CRDs of exactly the controller versions that run, copied by the script from their modules. */
    public Path fluxCrds(FluxGeneration g) {
        return folder.resolve("flux-" + g.key()).resolve("crds");
    }

    /** A human name of the generation's versions, e.g. {@code source-controller v1.7.3, kustomize-controller v1.7.3}. */
    public String describe(FluxGeneration g) {
        return "source-controller " + version("flux." + g.key() + ".source-controller.version")
                + ", kustomize-controller " + version("flux." + g.key() + ".kustomize-controller.version");
    }

    /** The binaries this generation needs that are not there. */
    public List<Path> missing(FluxGeneration g) {
        List<Path> missing = new ArrayList<>();
        for (Path p : List.of(kubeApiServer(), etcd(), sourceController(g), kustomizeController(g))) {
            if (!Files.isExecutable(p)) {
                missing.add(p);
            }
        }
        if (!Files.isDirectory(fluxCrds(g))) {
            missing.add(fluxCrds(g));
        }
        return missing;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
