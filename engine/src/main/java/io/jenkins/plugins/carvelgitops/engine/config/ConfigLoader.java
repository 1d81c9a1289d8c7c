package io.jenkins.plugins.carvelgitops.engine.config;

import io.jenkins.plugins.carvelgitops.engine.model.SafeYaml;
import io.jenkins.plugins.carvelgitops.engine.validate.BranchNames;
import io.jenkins.plugins.carvelgitops.engine.validate.Names;
import io.jenkins.plugins.carvelgitops.engine.validate.Problems;
import io.jenkins.plugins.carvelgitops.engine.validate.RemoteUrls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code carvel-gitops.yaml} into a {@link GitopsConfig}, reporting every problem of the file at
 * once: unknown keys, wrong types, bad names, durations and API versions. Overrides (from CLI options
 * or step parameters) are applied to the parsed tree first, so they are checked like the file itself.
 */
public final class ConfigLoader {

    static final Set<String> TOP_KEYS = Set.of("package", "install", "packageFile", "shortenNames", "repository",
            "flux", "commit", "stages", "pullRequests");
    static final Set<String> REPOSITORY_KEYS = Set.of("url", "branch", "root", "provider", "apiUrl");
    static final Set<String> FLUX_KEYS = Set.of("apiVersion", "url", "namespace", "sourceInterval", "interval",
            "version");
    static final Set<String> COMMIT_KEYS = Set.of("authorName", "authorEmail", "trailer");
    static final Set<String> STAGE_KEYS = Set.of("name", "namespace", "serviceAccount", "tap", "track", "values",
            "secretValues", "pullRequest");

    private ConfigLoader() {
    }

    /** Loads a config file; {@code label} is how errors name it (usually the path as the user gave it). */
    public static GitopsConfig load(Path file, String label, ConfigOverrides overrides) {
        Object tree = SafeYaml.readSingle(file, label);
        return fromTree(tree, label, overrides);
    }

    public static GitopsConfig load(Path file) {
        return load(file, file.toString(), ConfigOverrides.NONE);
    }

    /**
     * Builds the config from a parsed YAML tree (overrides applied first); a problem with a value an
     * override set names the override, not the file.
     */
    public static GitopsConfig fromTree(Object tree, String label, ConfigOverrides overrides) {
        return overrides.attributing(label, () -> build(tree, label, overrides));
    }

    private static GitopsConfig build(Object tree, String label, ConfigOverrides overrides) {
        Problems problems = new Problems();
        Object withOverrides = overrides.applyTo(tree, label);
        Fields top = Fields.of(label, "", withOverrides, problems);
        if (top == null) {
            problems.throwIfAny();
        }
        top.rejectUnknown(TOP_KEYS);

        String packageName = top.requiredString("package", "set it to the Package's spec.refName, e.g. app.default.tap");
        if (packageName != null && !Names.isFullyQualified(packageName)) {
            problems.add(label, "package", "'" + packageName + "' is not a valid Package refName (a DNS-1123 "
                    + "subdomain with at least three dot-separated labels)", "use the Package's spec.refName, "
                    + "e.g. app.default.tap");
        }
        String install = top.string("install", null);
        if (install != null) {
            String why = Names.labelProblem(install);
            if (why != null) {
                problems.add(label, "install", why, "name the PackageInstall with a DNS-1123 label, e.g. app");
            }
        }
        String packageFile = top.string("packageFile", null);
        boolean shortenNames = top.bool("shortenNames", false);

        RepositorySpec repository = repository(top.mapping("repository"), label, problems);
        FluxSpec flux = flux(top.mapping("flux"), label, problems);
        CommitSpec commit = commit(top.mapping("commit"));
        List<StageSpec> stages = stages(top, label, problems);

        problems.throwIfAny();
        return new GitopsConfig(label, packageName, install, packageFile, shortenNames, repository, flux, commit,
                stages);
    }

    private static RepositorySpec repository(Fields f, String label, Problems problems) {
        if (f == null) {
            return null;
        }
        f.rejectUnknown(REPOSITORY_KEYS);
        String url = f.requiredString("url", "set repository.url to the GitOps repository URL or a local folder");
        String urlProblem = url == null ? null : RemoteUrls.credentialProblem(url);
        if (urlProblem != null) {
            problems.add(label, "repository.url", urlProblem, "remove them from the URL and give them as "
                    + "{gitCredentials}");
        }
        String branch = f.string("branch", "main");
        String branchProblem = branch == null ? null : BranchNames.problem(branch);
        if (branchProblem != null) {
            problems.add(label, "repository.branch", "'" + branch + "' is not a valid branch name: " + branchProblem,
                    "use a name git check-ref-format --branch accepts, such as main");
        }
        String root = f.string("root", ".");
        String rootProblem = root == null ? null : rootProblem(root);
        if (rootProblem != null) {
            problems.add(label, "repository.root", "'" + root + "' " + rootProblem,
                    "use a path like clusters or apps/gitops, without '..' or '.git'");
        }
        if (url == null || branch == null || root == null) {
            return null;
        }
        return new RepositorySpec(url, branch, root);
    }

    /**
     * A relative folder of plain names: no '..', no absolute path, and no part that Git treats as its own
     * folder ({@code .git} in any case, and the spellings Windows and macOS file systems fold into it,
     * as C Git's {@code verify_path} refuses them). The name is used exactly as written.
     */
    static String rootProblem(String root) {
        if (root.equals(".") || root.equals("./")) {
            return null;
        }
        if (root.startsWith("/") || root.startsWith("\\")) {
            return "must be a relative folder inside the repository";
        }
        String path = root.startsWith("./") ? root.substring(2) : root;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : path.split("/", -1)) {
            if (Names.pathSegmentProblem(segment) != null) {
                return "must be a relative folder inside the repository";
            }
            if (isGitFolderName(segment)) {
                return "names Git's own folder '" + segment + "'; the repository's files never go there";
            }
        }
        return null;
    }

    private static boolean isGitFolderName(String segment) {
        String s = segment.toLowerCase(Locale.ROOT).replaceAll("[. ]+$", "");
        return s.equals(".git") || s.equals("git~1") || s.replaceAll("[\u200c-\u200f\u202a-\u202e\u206a-\u206f"
                + "\ufeff]", "").equals(".git");
    }

    private static FluxSpec flux(Fields f, String label, Problems problems) {
        if (f == null) {
            return null;
        }
        f.rejectUnknown(FLUX_KEYS);
        String apiVersion = f.string("apiVersion", FluxSpec.V1BETA2);
        if (apiVersion != null && !apiVersion.equals(FluxSpec.V1BETA2) && !apiVersion.equals(FluxSpec.V1)) {
            problems.add(label, "flux.apiVersion", "'" + apiVersion + "' is not supported",
                    "use v1beta2 (Flux v0.41, as TAP 1.7 requires) or v1 (Flux 2.x)");
        }
        String url = f.string("url", null);
        String fluxUrlProblem = url == null ? null : RemoteUrls.credentialProblem(url);
        if (fluxUrlProblem != null) {
            problems.add(label, "flux.url", fluxUrlProblem,
                    "remove them; bootstrap puts the Git credential in the <package>-gitops-auth Secret");
        } else if (url != null && !(url.startsWith("https://") || url.startsWith("http://")
                || url.startsWith("ssh://"))) {
            problems.add(label, "flux.url", "'" + url + "' is not a URL Flux can clone",
                    "use an https:// or ssh:// URL");
        }
        String namespace = f.string("namespace", "flux-system");
        checkLabel(namespace, label, "flux.namespace", "the build-cluster namespace, e.g. build-ns", problems);
        String version = f.string("version", null);
        if (version != null && !FluxSpec.isVersion(version)) {
            problems.add(label, "flux.version", "'" + version + "' is not a Flux release",
                    "write it like 2.5.0 or 2.1 (flux version --client prints it)");
        }
        String sourceInterval = duration(f, "sourceInterval", "30s", label, problems);
        String interval = duration(f, "interval", "5m", label, problems);
        if (apiVersion == null || namespace == null || sourceInterval == null || interval == null) {
            return null;
        }
        return new FluxSpec(apiVersion, url, namespace, sourceInterval, interval, version);
    }

    private static String duration(Fields f, String key, String fallback, String label, Problems problems) {
        String value = f.string(key, fallback);
        if (value != null && !FluxDuration.isValid(value)) {
            problems.add(label, f.field(key), "'" + value + "' is not a duration", "write it like 30s, 5m or 1h");
        }
        return value;
    }

    private static CommitSpec commit(Fields f) {
        if (f == null) {
            return CommitSpec.DEFAULT;
        }
        f.rejectUnknown(COMMIT_KEYS);
        return new CommitSpec(f.string("authorName", null), f.string("authorEmail", null), f.string("trailer", null));
    }

    private static List<StageSpec> stages(Fields top, String label, Problems problems) {
        List<?> raw = top.list("stages");
        List<StageSpec> stages = new ArrayList<>();
        if (raw == null) {
            if (!top.has("stages")) {
                problems.add(label, "stages", "is required", "list the stages in promotion order, e.g. staging, prod");
            }
            return stages;
        }
        if (raw.isEmpty()) {
            problems.add(label, "stages", "is empty", "list at least one stage");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Object item = raw.get(i);
            String path = item instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isBlank()
                    ? "stages[" + n + "]" : "stages[" + i + "]";
            Fields s = Fields.of(label, path, item, problems);
            if (s == null) {
                continue;
            }
            s.rejectUnknown(STAGE_KEYS);
            String name = s.requiredString("name", "name the stage after its run cluster, e.g. staging");
            if (name != null) {
                checkLabel(name, label, path + ".name", "e.g. staging or prod", problems);
                if (!seen.add(name)) {
                    problems.add(label, path + ".name", "stage '" + name + "' is listed twice",
                            "give every stage a different name");
                }
            }
            String namespace = s.requiredString("namespace", "the run-cluster namespace, e.g. apps");
            checkLabel(namespace, label, path + ".namespace", "the run-cluster namespace, e.g. apps", problems);
            String serviceAccount = s.requiredString("serviceAccount", "the run-cluster service account, e.g. "
                    + "app-installer");
            checkLabel(serviceAccount, label, path + ".serviceAccount", "e.g. app-installer", problems);
            boolean tap = s.bool("tap", true);
            Track track = Track.PINNED;
            String trackName = s.string("track", "pinned");
            if (trackName != null) {
                try {
                    track = Track.valueOf(trackName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(label, path + ".track", "'" + trackName + "' is not a track", "use pinned or latest");
                }
            }
            Map<String, Object> values = s.rawMapping("values");
            List<String> secretValues = secretValueKeys(s, values, label, path, problems);
            if (name != null && namespace != null && serviceAccount != null) {
                stages.add(new StageSpec(name, namespace, serviceAccount, tap, track, new LinkedHashMap<>(values),
                        secretValues));
            }
        }
        return stages;
    }

    /** {@code secretValues}: a list of top-level value keys, none of which may also be in {@code values}. */
    private static List<String> secretValueKeys(Fields s, Map<String, Object> values, String label, String path,
            Problems problems) {
        List<?> raw = s.list("secretValues");
        List<String> keys = new ArrayList<>();
        if (raw == null) {
            return keys;
        }
        for (Object key : raw) {
            if (!(key instanceof String k) || k.isBlank()) {
                problems.add(label, path + ".secretValues", "must list value keys as strings, found " + key,
                        "write e.g. secretValues: [db_password]");
            } else if (values.containsKey(k)) {
                problems.add(label, path + ".values." + k, "is also listed in secretValues; a secret value must not "
                        + "be committed", "remove it from values and supply it at run time");
            } else if (keys.contains(k)) {
                problems.add(label, path + ".secretValues", "lists '" + k + "' twice", "list each key once");
            } else {
                keys.add(k);
            }
        }
        return keys;
    }

    private static void checkLabel(String value, String label, String field, String example, Problems problems) {
        if (value == null) {
            return;
        }
        String why = Names.labelProblem(value);
        if (why != null) {
            problems.add(label, field, why, "use a DNS-1123 label, " + example);
        }
    }
}
