package io.jenkins.plugins.carvelgitops.engine.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.errors.RepositoryNotFoundException;

/**
 * A real smart-HTTP Git server in the test JVM: JGit's {@link GitServlet} on Jetty, bound to
 * 127.0.0.1 on a free port, serving the bare repositories under one folder
 * ({@code http://127.0.0.1:<port>/git/<name>.git}) behind HTTP basic authentication with one user and
 * token. Reads and pushes both need the credentials, as on a private repository. Every request it
 * received is kept as {@code METHOD uri auth=ok|bad|none}, so tests can check what clients sent.
 */
public final class GitHttpServer implements AutoCloseable {

    private final Server server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private GitHttpServer(Server server) {
        this.server = server;
    }

    /** Starts a server for the bare repositories in {@code root}, accepting only {@code user}/{@code token}. */
    public static GitHttpServer start(Path root, String user, String token) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        GitHttpServer result = new GitHttpServer(server);
        GitServlet git = new GitServlet();
        git.setRepositoryResolver(resolver(root));
        git.setReceivePackFactory((req, repo) -> {
            org.eclipse.jgit.transport.ReceivePack receive = new org.eclipse.jgit.transport.ReceivePack(repo);
            receive.setPreReceiveHook((rp, commands) -> {
                String hookSays = result.hookSays;
                if (hookSays != null) {
                    rp.sendMessage(hookSays);
                    commands.forEach(c -> c.setResult(
                            org.eclipse.jgit.transport.ReceiveCommand.Result.REJECTED_OTHER_REASON,
                            "pre-receive hook declined"));
                }
                String refusal = result.refusal;
                if (refusal != null) {
                    commands.forEach(c -> c.setResult(org.eclipse.jgit.transport.ReceiveCommand.Result.REJECTED_OTHER_REASON,
                            refusal));
                }
                String protectedRef = result.protectedRef;
                commands.stream().filter(c -> c.getRefName().equals(protectedRef)).forEach(c -> c.setResult(
                        org.eclipse.jgit.transport.ReceiveCommand.Result.REJECTED_OTHER_REASON, result.protection));
            });
            return receive;
        });
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/git");
        context.addServlet(new ServletHolder(git), "/*");
        context.addFilter(new FilterHolder(result.new BasicAuth(user, token)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        return result;
    }

    private static RepositoryResolver<HttpServletRequest> resolver(Path root) {
        return (req, name) -> {
            Path dir = root.resolve(name).normalize();
            if (!dir.startsWith(root) || !dir.toFile().isDirectory()) {
                throw new RepositoryNotFoundException(name);
            }
            try {
                Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
                repo.getConfig().setBoolean("http", null, "receivepack", true);
                return repo;
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        };
    }

    private volatile String refusal;

    /** From now on every push is refused with {@code message}, as a protected branch or a server hook would. */
    public void refusePushes(String message) {
        this.refusal = message;
    }

    private volatile String hookSays;

    /**
     * From now on every push is refused as C Git's receive-pack refuses it when a hook declines (as under
     * Gitea): the ref's status says only "pre-receive hook declined", {@code message} comes as the
     * server's "remote:" lines.
     */
    public void refusePushesInAHook(String message) {
        this.hookSays = message;
    }

    private volatile String protectedRef;
    private volatile String protection;

    /** From now on pushes to {@code branch} are refused with {@code message}, as a protected branch is; others pass. */
    public void protectBranch(String branch, String message) {
        this.protection = message;
        this.protectedRef = "refs/heads/" + branch;
    }

    public int port() {
        return ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The URL of {@code <name>.git} under the served folder. */
    public String url(String name) {
        return "http://127.0.0.1:" + port() + "/git/" + name;
    }

    /** What the server received, one {@code METHOD uri auth=ok|bad|none} line per request. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private final class BasicAuth implements Filter {
        private final String expected;

        BasicAuth(String user, String token) {
            this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token)
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest req = (HttpServletRequest) request;
            HttpServletResponse res = (HttpServletResponse) response;
            String auth = req.getHeader("Authorization");
            boolean ok = expected.equals(auth);
            requests.add(req.getMethod() + " " + req.getRequestURI()
                    + (req.getQueryString() == null ? "" : "?" + req.getQueryString())
                    + " auth=" + (ok ? "ok" : auth == null ? "none" : "bad"));
            if (!ok) {
                res.setHeader("WWW-Authenticate", "Basic realm=\"gitops\"");
                res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
