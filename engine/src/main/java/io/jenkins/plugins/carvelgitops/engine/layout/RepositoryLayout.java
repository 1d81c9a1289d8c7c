package io.jenkins.plugins.carvelgitops.engine.layout;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsHistory;
import io.jenkins.plugins.carvelgitops.engine.git.RepositoryView;
import io.jenkins.plugins.carvelgitops.engine.git.Urls;
import io.jenkins.plugins.carvelgitops.engine.model.CarvelPackage;
import io.jenkins.plugins.carvelgitops.engine.model.PackageLoader;
import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.model.Semver;
import io.jenkins.plugins.carvelgitops.engine.model.VersionSelection;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where one package lives in the GitOps repository, and what its files say at one head: the stored
 * Package versions ({@code <package>/packages/<version>.yaml}) and each stage's PackageInstall
 * ({@code <package>/<stage>/packageinstall.yaml}). Render writes these paths; promote, verify, status and
 * retention read them, and {@link #selected} is the one reading of which version a stage runs.
 */
public final class RepositoryLayout {

    public static final String PACKAGES = "packages";
    public static final String PACKAGE_INSTALL = "packageinstall.yaml";

    private final GitopsConfig config;
    private final RepositoryView view;

    public RepositoryLayout(GitopsConfig config, RepositoryView view) {
        this.config = config;
        this.view = view;
    }

    /** The layout of the repository at one commit of its history. */
    public static RepositoryLayout at(GitopsConfig config, GitopsHistory history, String sha) {
        return new RepositoryLayout(config, new HistoryView(history, sha));
    }

    /** {@code [root/]<package>} */
    public String packageDir() {
        return config.repository().prefix() + config.packageName();
    }

    /**
     * The folders this package owns in the repository: its own and its Flux folder. What an interrupted
     * run left staged there is ours to redo.
     */
    public List<String> ownedFolders() {
        return List.of(packageDir(), config.repository().prefix() + "flux/" + config.packageName());
    }

    public String packagesDir() {
        return packageDir() + "/" + PACKAGES;
    }

    public String packageFile(Semver version) {
        return packagesDir() + "/" + version.text() + ".yaml";
    }

    public String packageInstallFile(String stage) {
        return packageDir() + "/" + stage + "/" + PACKAGE_INSTALL;
    }

    /** How a repository file is named in errors: its path, the repository and the branch. */
    public String label(String path) {
        return path + " in " + Urls.withoutCredentials(config.repository().url()) + " (branch "
                + config.repository().branch() + ")";
    }

    /**
     * The versions stored under {@code packages/}, by file name ({@code <version>.yaml} as render writes it,
     * or {@code .yml}); names that are not semver are skipped.
     */
    public TreeSet<Semver> storedVersions() {
        return new TreeSet<>(storedFiles().keySet());
    }

    /** The file a stored version lives in: {@link #packageFile}, or its {@code .yml} twin; null when not stored. */
    public String storedFile(Semver version) {
        return storedFiles().get(version);
    }

    private TreeMap<Semver, String> storedFiles() {
        TreeMap<Semver, String> files = new TreeMap<>();
        for (String name : view.list(packagesDir())) {
            String v = name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length())
                    : name.endsWith(".yml") ? name.substring(0, name.length() - ".yml".length()) : null;
            if (v != null && Semver.isValid(v)) {
                Semver version = Semver.parse(v);
                String path = packagesDir() + "/" + name;
                if (name.endsWith(".yaml") || !files.containsKey(version)) {
                    files.put(version, path);
                }
            }
        }
        return files;
    }

    /** Folders under the package folder that hold a PackageInstall: stages, configured or not. */
    public List<String> stagesInRepository() {
        return view.folders(packageDir()).stream()
                .filter(d -> !d.equals(PACKAGES))
                .filter(d -> view.read(packageDir() + "/" + d + "/" + PACKAGE_INSTALL) != null)
                .toList();
    }

    /** The parsed PackageInstall of a stage, if the stage has one. */
    public Optional<Object> packageInstall(String stage) {
        String path = packageInstallFile(stage);
        String text = view.read(path);
        return text == null ? Optional.empty() : Optional.of(SafeYaml.parseSingle(text, label(path)));
    }

    /** A stored Package file's text as its Package, which must be the version the file is named for. */
    public CarvelPackage storedPackage(String path, String text, Semver version) {
        String label = label(path);
        CarvelPackage pkg = PackageLoader.fromTree(SafeYaml.parseSingle(text, label), label);
        if (!pkg.version().equals(version)) {
            throw ValidationException.of(label, "spec.version", "is " + pkg.version() + " but the file is named for "
                    + version, "store each Package as packages/<its spec.version>.yaml");
        }
        return pkg;
    }

    /** The raw text of a repository file, or null. */
    public String read(String path) {
        return view.read(path);
    }

    /**
     * The version a stage's PackageInstall runs: the exact version it pins, or for a range the version
     * kapp-controller would select among {@code available}. Empty when the stage has no PackageInstall or
     * its range selects nothing.
     */
    public Optional<Semver> selected(String stage, Object packageInstall, Collection<Semver> available) {
        String label = label(packageInstallFile(stage));
        VersionSelection selection = VersionSelection.of(packageInstall).orElseThrow(() -> ValidationException.of(
                label, "spec.packageRef.versionSelection", "is missing, so the stage's version is unknown",
                "render stage " + stage + " again"));
        Semver pinned = selection.pinned();
        if (pinned != null) {
            return Optional.of(pinned);
        }
        try {
            return selection.select(available);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(label, "spec.packageRef.versionSelection.constraints", e.getMessage(),
                    "fix the constraint (kapp-controller's syntax: >=1.0.0 <2.0.0, 1.2.x, ...)");
        }
    }
}
