package io.jenkins.plugins.carvelgitops.cli;

import io.jenkins.plugins.carvelgitops.engine.config.GitopsConfig;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepositories;
import io.jenkins.plugins.carvelgitops.engine.git.GitopsRepository;
import io.jenkins.plugins.carvelgitops.engine.git.RemoteOptions;
import io.jenkins.plugins.carvelgitops.engine.git.RetryPolicy;
import io.jenkins.plugins.carvelgitops.engine.git.TokenAuth;
import io.jenkins.plugins.carvelgitops.engine.model.InputFiles;
import io.jenkins.plugins.carvelgitops.engine.progress.ProgressListener;
import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How to reach a remote GitOps repository: credentials from the environment ({@code GIT_USERNAME},
 * {@code GIT_TOKEN}) or a token file, never from the command line; the clone cache.
 */
final class RemoteAccessOptions {

    static final String ENV_USERNAME = "GIT_USERNAME";
    static final String ENV_TOKEN = "GIT_TOKEN";
    /** A personal access token is under 300 bytes; anything near this limit is not a token file. */
    static final int MAX_TOKEN_FILE_BYTES = 64 * 1024;

    /** The process environment; replaced in tests through {@link Main#commandLine(Map)}. */
    Map<String, String> env = System.getenv();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--username", paramLabel = "NAME",
            description = "Git user name for HTTPS (default: $GIT_USERNAME).")
    String username;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the personal access token (default: $GIT_TOKEN). Never pass a token itself "
                    + "on the command line.")
    Path tokenFile;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where clones of remote repositories are kept and reused (default: "
                    + "$XDG_CACHE_HOME/carvel-gitops or ~/.cache/carvel-gitops).")
    Path cacheDir;

    /** Set from {@link PushOptions} by the commands that push; the others never push. */
    int pushAttempts = PushOptions.DEFAULT_ATTEMPTS;

    @Option(names = {"--token", "--password"}, paramLabel = "SECRET", hidden = true)
    void refuseSecretOnCommandLine(String ignored) {
        throw new CommandLine.ParameterException(mixee.commandLine(), "a token on the command line ends up in shell "
                + "history and process lists; set GIT_TOKEN or use --token-file FILE instead");
    }

    /**
     * The repository a config names, with credentials and cache for a remote one; for a local folder no
     * credential is read.
     */
    GitopsRepository open(GitopsConfig config, Path baseDir, ProgressListener listener) {
        RemoteOptions options = config.repository().isLocalPath() ? RemoteOptions.defaults(cacheRoot())
                : remoteOptions(listener);
        return GitopsRepositories.open(config, baseDir, options, listener);
    }

    RemoteOptions remoteOptions(ProgressListener listener) {
        if (pushAttempts < 1) {
            throw ValidationException.of("--push-attempts", String.valueOf(pushAttempts), "must be 1 or more", "");
        }
        RemoteOptions options = RemoteOptions.defaults(cacheRoot())
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(pushAttempts));
        String token = null;
        String source = null;
        if (tokenFile != null) {
            token = readTokenFile(listener);
            source = "--token-file " + tokenFile;
        } else if (nonEmpty(env.get(ENV_TOKEN))) {
            token = env.get(ENV_TOKEN).strip();
            source = ENV_TOKEN;
        }
        String user = nonEmpty(username) ? username : env.get(ENV_USERNAME);
        if (token == null) {
            return options;
        }
        if (!nonEmpty(user)) {
            throw ValidationException.of(ENV_USERNAME, "", "is not set, but a token is given (" + source + ")",
                    "set GIT_USERNAME or --username to the account the token belongs to");
        }
        try {
            return options.withAuth(new TokenAuth(user.strip(), token), source);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(source, "", e.getMessage(), "give the token alone, on one line");
        }
    }

    private String readTokenFile(ProgressListener listener) {
        String label = "--token-file " + tokenFile;
        String token = new String(InputFiles.read(tokenFile, label, "", MAX_TOKEN_FILE_BYTES), StandardCharsets.UTF_8)
                .strip();
        if (token.isEmpty()) {
            throw ValidationException.of(label, "", "is empty", "write the personal access token into it");
        }
        warnIfOthersCanRead(listener);
        return token;
    }

    private void warnIfOthersCanRead(ProgressListener listener) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(tokenFile);
            if (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.GROUP_READ)) {
                listener.warning(tokenFile + " can be read by other users; chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    Path cacheRoot() {
        if (cacheDir != null) {
            return cacheDir.toAbsolutePath();
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (nonEmpty(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("carvel-gitops");
        }
        return RemoteOptions.defaultCacheRoot(Path.of(System.getProperty("user.home")));
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isBlank();
    }
}
