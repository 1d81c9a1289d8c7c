package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a test server that can break off uploads: after it has
 * forwarded {@code cutAfter} bytes of a request whose first line names {@code git-receive-pack}
 * (a push's pack upload), it closes both sides, as a dropped connection mid-push would.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile int cutAfter = -1;
    private final AtomicInteger cuts = new AtomicInteger();

    private CuttingProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    public static CuttingProxy start(int targetPort) throws IOException {
        CuttingProxy proxy = new CuttingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        proxy.pumps.submit(proxy::accept);
        return proxy;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Break off pack uploads after this many bytes; negative to forward everything. */
    public void cutPushesAfter(int bytes) {
        this.cutAfter = bytes;
    }

    /** How many connections were broken off. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pumps.submit(() -> pump(client, server, true));
                pumps.submit(() -> pump(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upload) {
        byte[] buffer = new byte[8192];
        long forwarded = 0;
        boolean isPush = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                String head = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
                if (upload && (head.startsWith("POST ") || head.startsWith("GET "))) {
                    // a new request on a kept-alive connection
                    isPush = head.startsWith("POST ") && head.contains("git-receive-pack");
                    forwarded = 0;
                }
                int limit = cutAfter;
                if (upload && isPush && limit >= 0 && forwarded + n > limit) {
                    out.write(buffer, 0, (int) Math.max(0, limit - forwarded));
                    out.flush();
                    cuts.incrementAndGet();
                    from.close();
                    to.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                forwarded += n;
            }
        } catch (IOException e) {
            // one side went away: close the other
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pumps.shutdownNow();
    }
}
