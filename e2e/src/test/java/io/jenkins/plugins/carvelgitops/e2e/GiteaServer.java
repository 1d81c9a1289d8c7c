package io.jenkins.plugins.carvelgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Gitea server, built by {@code .ci/gitea}, running on a free port of 127.0.0.1 with a SQLite database
 * in a work folder of its own. Users and their tokens are made with Gitea's own admin command; a token is read
 * from that command's output into memory and is written to no log.
 */
final class GiteaServer implements AutoCloseable {

    /**
     * Where {@code .ci/gitea} keeps the server of {@code gitea.version}: {@code $CARVEL_GITOPS_GITEA}, else
     * {@code ~/.cache/carvel-gitops/gitea-<version>} as the script names it.
     */
    record Build(String version, Path folder) {

        static Build load(Path properties, Map<String, String> env) {
            String version = ControlPlaneBinaries.load(properties, env).version(ControlPlaneBinaries.GITEA_PREFIX
                    + "version");
            String configured = env.get("CARVEL_GITOPS_GITEA");
            if (configured != null && !configured.isEmpty()) {
                return new Build(version, Path.of(configured));
            }
            String xdg = env.get("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return new Build(version, cache.resolve("carvel-gitops").resolve("gitea-" + version));
        }

        Path binary() {
            return folder.resolve("bin/gitea");
        }

        /** The module's source: the server reads its templates and translations from here. */
        Path source() {
            return folder.resolve("src");
        }

        /** One line naming what is missing and how to build it, or null when the server is there. */
        String missing() {
            if (!Files.isExecutable(binary())) {
                return "the Gitea server " + binary() + " is missing; build it with .ci/gitea";
            }
            if (!Files.isDirectory(source().resolve("options"))) {
                return "the Gitea source " + source() + " is missing; build it with .ci/gitea";
            }
            return null;
        }
    }

    private final Build build;
    private final Path dir;
    private final Path config;
    private final int port;
    private LocalProcess web;

    private GiteaServer(Build build, Path dir, int port) {
        this.build = build;
        this.dir = dir;
        this.config = dir.resolve("app.ini");
        this.port = port;
    }

    /** Writes the configuration, creates the database and starts {@code gitea web}; logs stay in {@code dir}. */
    static GiteaServer start(Build build, Path dir) {
        GiteaServer server = new GiteaServer(build, dir, Ports.free());
        try {
            server.writeConfig();
            server.admin(Duration.ofMinutes(2), "migrate");
            server.web = LocalProcess.start("gitea", server.command("web"), dir.resolve("gitea.log"), Map.of());
            server.web.awaitReady(Duration.ofSeconds(90), () -> Ports.answers(server.apiUrl() + "/version", null));
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void writeConfig() {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        String ini = """
                APP_NAME = carvel-gitops e2e
                RUN_MODE = prod
                RUN_USER = %1$s
                WORK_PATH = %2$s
                I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true

                [server]
                PROTOCOL = http
                HTTP_ADDR = 127.0.0.1
                HTTP_PORT = %3$d
                DOMAIN = 127.0.0.1
                ROOT_URL = http://127.0.0.1:%3$d/
                DISABLE_SSH = true
                START_SSH_SERVER = false
                LFS_START_SERVER = false
                OFFLINE_MODE = true
                APP_DATA_PATH = %2$s/data
                STATIC_ROOT_PATH = %4$s

                [database]
                DB_TYPE = sqlite3
                PATH = %2$s/data/gitea.db

                [repository]
                ROOT = %2$s/repositories
                DEFAULT_BRANCH = main

                [security]
                INSTALL_LOCK = true
                SECRET_KEY = %5$s

                [service]
                DISABLE_REGISTRATION = true

                [indexer]
                ISSUE_INDEXER_TYPE = db
                REPO_INDEXER_ENABLED = false

                [actions]
                ENABLED = false

                [mailer]
                ENABLED = false

                [cron]
                ENABLED = false

                [log]
                MODE = console
                LEVEL = Info
                ROOT_PATH = %2$s/log
                """.formatted(System.getProperty("user.name"), dir, port, build.source(), secret);
        try {
            Files.createDirectories(dir);
            Files.writeString(config, ini);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(build.binary().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString(), "--work-path", dir.toString()));
        return command;
    }

    /** Runs an admin command, its output appended to {@code admin.log} (the command without its flags). */
    private void admin(Duration timeout, String... args) {
        String out = run(timeout, args);
        try {
            Files.writeString(dir.resolve("admin.log"), "$ gitea " + name(args) + "\n" + out + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code gitea ARGS} and returns its output, kept in memory only. */
    private String run(Duration timeout, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = builder.start();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("gitea " + name(args) + " did not end within " + timeout.toSeconds()
                        + "s");
            }
            String out = new String(bytes, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("gitea " + name(args) + " exited with " + p.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + build.binary(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running gitea " + name(args), e);
        }
    }

    /** The command's words before its first flag: {@code admin user create}, never a password. */
    private static String name(String... args) {
        return String.join(" ", java.util.Arrays.stream(args).takeWhile(a -> !a.startsWith("--")).toList());
    }

    /** Creates a user with a random password (nobody signs in: the tests use tokens). */
    void createUser(String name, boolean admin) {
        List<String> args = new ArrayList<>(List.of("admin", "user", "create", "--username", name, "--password",
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)), "--email", name + "@example.invalid",
                "--must-change-password=false"));
        if (admin) {
            args.add("--admin");
        }
        admin(Duration.ofMinutes(1), args.toArray(String[]::new));
    }

    /** A new access token of {@code user} with {@code scopes} (comma-separated, as Gitea names them). */
    String token(String user, String scopes) {
        String out = run(Duration.ofMinutes(1), "admin", "user", "generate-access-token", "--username", user,
                "--token-name", "e2e-" + System.nanoTime(), "--scopes", scopes, "--raw").strip();
        String token = out.substring(out.lastIndexOf('\n') + 1).strip();
        if (!token.matches("[0-9a-f]{40}")) {
            throw new IllegalStateException("gitea admin user generate-access-token printed no token for " + user);
        }
        return token;
    }

    String version() {
        return build.version();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    String apiUrl() {
        return url() + "/api/v1";
    }

    /** The bare repository Gitea keeps for {@code owner/name}. */
    Path repositoryDir(String owner, String name) {
        return dir.resolve("repositories").resolve(owner).resolve(name + ".git");
    }

    Path dir() {
        return dir;
    }

    LocalProcess process() {
        return web;
    }

    @Override
    public void close() {
        if (web != null) {
            web.close();
            web = null;
        }
    }
}
