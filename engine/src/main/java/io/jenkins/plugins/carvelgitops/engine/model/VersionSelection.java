package io.jenkins.plugins.carvelgitops.engine.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PackageInstall's {@code spec.packageRef.versionSelection} and the version kapp-controller picks with
 * it: drop pre-releases unless {@code prereleases} lets them through, keep what the constraint matches,
 * take the highest.
 *
 * @param constraints       the constraint text; empty means no range filter
 * @param prereleaseFilter  null when {@code prereleases} is absent (no pre-release passes, except for an
 *                          exact pre-release pin, as kapp-controller special-cases); an empty list for
 *                          {@code prereleases: {}} (all pass); otherwise the identifiers that let one pass
 */
public record VersionSelection(String constraints, List<String> prereleaseFilter) {

    public VersionSelection {
        constraints = constraints == null ? "" : constraints;
        prereleaseFilter = prereleaseFilter == null ? null : List.copyOf(prereleaseFilter);
    }

    /**
     * Reads {@code spec.packageRef.versionSelection} from a parsed PackageInstall; empty when the object
     * has none.
     */
    @SuppressWarnings("unchecked")
    public static Optional<VersionSelection> of(Object packageInstall) {
        Object spec = child(packageInstall, "spec");
        Object selection = child(child(spec, "packageRef"), "versionSelection");
        if (!(selection instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        String constraints = m.get("constraints") instanceof String s ? s : "";
        List<String> filter = null;
        if (m.containsKey("prereleases")) {
            filter = List.of();
            if (m.get("prereleases") instanceof Map<?, ?> p && p.get("identifiers") instanceof List<?> ids) {
                filter = ((List<Object>) ids).stream().map(String::valueOf).toList();
            }
        }
        return Optional.of(new VersionSelection(constraints, filter));
    }

    private static Object child(Object node, String key) {
        return node instanceof Map<?, ?> m ? m.get(key) : null;
    }

    /** The exact version pinned, or null when the constraint is a range. */
    public Semver pinned() {
        return VersionConstraint.exactVersion(constraints);
    }

    /** Whether {@code version} passes the pre-release filter and the constraint. */
    public boolean matches(Semver version) {
        if (version.isPreRelease() && !prereleaseAllowed(version)) {
            return false;
        }
        return constraints.isBlank() || VersionConstraint.parse(constraints).test(version);
    }

    /**
     * The version kapp-controller would select from {@code available}: the highest that matches. Throws
     * {@link IllegalArgumentException} when the constraint does not parse.
     */
    public Optional<Semver> select(Collection<Semver> available) {
        VersionConstraint range = constraints.isBlank() ? null : VersionConstraint.parse(constraints);
        return available.stream()
                .filter(v -> !v.isPreRelease() || prereleaseAllowed(v))
                .filter(v -> range == null || range.test(v))
                .max(Semver::compareTo);
    }

    private boolean prereleaseAllowed(Semver version) {
        if (prereleaseFilter == null) {
            Semver exact = pinned();
            return exact != null && exact.isPreRelease();
        }
        return prereleaseFilter.isEmpty() || version.preRelease().stream().anyMatch(prereleaseFilter::contains);
    }
}
