package io.jenkins.plugins.carvelgitops.engine.model;

import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Package CR and applies kapp-controller's own validation ({@code ValidatePackage}): refName a
 * fully qualified name of three or more labels, version strict semver, and {@code metadata.name ==
 * refName + "." + version}. {@code metadata.name} itself is not a DNS check: TAP names carry
 * {@code +build} metadata and kapp-controller encodes them internally. Kubernetes and kapp-controller
 * version selections, when present, must parse as semver ranges.
 */
public final class PackageLoader {

    /**
     * Longest {@code spec.version}: it names the file {@code packages/<version>.yaml}, and file systems
     * allow 255 bytes per name; this leaves room for the temporary name written beside it.
     */
    public static final int MAX_VERSION_LENGTH = 200;

    private PackageLoader() {
    }

    public static CarvelPackage load(Path file, String label) {
        return fromTree(SafeYaml.readSingle(file, label), label);
    }

    @SuppressWarnings("unchecked")
    public static CarvelPackage fromTree(Object doc, String label) {
        Problems problems = new Problems();
        if (!(doc instanceof Map<?, ?> raw)) {
            problems.add(label, "", "is not a Kubernetes object", "give the Package CR the supply chain produced");
            problems.throwIfAny();
            throw new IllegalStateException();
        }
        Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) raw);
        Object apiVersion = tree.get("apiVersion");
        Object kind = tree.get("kind");
        if (!CarvelPackage.API_VERSION.equals(apiVersion) || !CarvelPackage.KIND.equals(kind)) {
            problems.add(label, "kind", "is " + apiVersion + "/" + kind + ", expected " + CarvelPackage.API_VERSION
                    + "/" + CarvelPackage.KIND, "give the Package CR (not a PackageMetadata or PackageInstall)");
            problems.throwIfAny();
        }
        Map<String, Object> metadata = tree.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> spec = tree.get("spec") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        String name = metadata.get("name") instanceof String s ? s : null;
        String refName = spec.get("refName") instanceof String s ? s : null;
        String versionText = spec.get("version") instanceof String s ? s : null;

        if (refName == null || refName.isEmpty()) {
            problems.add(label, "spec.refName", "is missing", "the Package must name its refName");
        } else if (!Names.isFullyQualified(refName)) {
            problems.add(label, "spec.refName", "'" + refName + "' should be a domain with at least three segments "
                    + "separated by dots (kapp-controller ValidatePackageSpecPackageName)",
                    "use a name like app.default.tap");
        }
        Semver version = null;
        if (versionText == null || versionText.isEmpty()) {
            problems.add(label, "spec.version", "is missing", "the Package must carry a semver version");
        } else if (versionText.length() > MAX_VERSION_LENGTH) {
            problems.add(label, "spec.version", "is " + versionText.length() + " characters, more than the "
                    + MAX_VERSION_LENGTH + " that fit the file name packages/<version>.yaml",
                    "publish the Package with a shorter version (shorten its build metadata)");
        } else {
            try {
                version = Semver.parse(versionText);
            } catch (IllegalArgumentException e) {
                problems.add(label, "spec.version", "must be valid semver: " + e.getMessage()
                        + " (kapp-controller ValidatePackageSpecVersion)", "publish the Package with a semver version");
            }
        }
        if (name == null || name.isEmpty()) {
            problems.add(label, "metadata.name", "is missing", "set it to <spec.refName>.<spec.version>");
        } else if (refName != null && versionText != null && !name.equals(refName + "." + versionText)) {
            problems.add(label, "metadata.name", "'" + name + "' must be <spec.refName> + '.' + <spec.version> = '"
                    + refName + "." + versionText + "' (kapp-controller ValidatePackageName)",
                    "publish the Package with metadata.name " + refName + "." + versionText);
        }
        for (String selection : new String[] {"kubernetesVersionSelection", "kappControllerVersionSelection"}) {
            if (spec.get(selection) instanceof Map<?, ?> sel && sel.get("constraints") instanceof String c) {
                try {
                    VersionConstraint.parse(c);
                } catch (IllegalArgumentException e) {
                    problems.add(label, "spec." + selection + ".constraints", "'" + c + "' must be a semver range: "
                            + e.getMessage() + " (kapp-controller ValidatePackage)", "publish the Package with a "
                            + "valid range, e.g. >=1.24.0");
                }
            }
        }
        Object schema = null;
        if (spec.get("valuesSchema") instanceof Map<?, ?> vs) {
            schema = vs.get("openAPIv3");
        } else if (spec.containsKey("valuesSchema") && spec.get("valuesSchema") != null) {
            problems.add(label, "spec.valuesSchema", "must be a mapping with openAPIv3", "");
        }
        problems.throwIfAny();
        return new CarvelPackage(label, name, refName, version, schema, tree);
    }
}
