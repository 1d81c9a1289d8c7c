package io.jenkins.plugins.carvelgitops.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on 127.0.0.1 between a client under test and a test server (a mock API server, a Git
 * server) that breaks the connection the way networks do: {@link #dropConnections()} cuts every open
 * connection (a dropped watch, a load balancer restart), and {@link #cutPushesAfter(int)} breaks off a
 * Git pack upload after so many bytes (a connection lost mid-push), and {@link #dropPushReplies(boolean)}
 * lets a push through but cuts the server's reply to it (the server took the pack; the client never
 * hears so). Test-only.
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** The client sides of the connections whose last request was a watch ({@code watch=true}). */
    private final java.util.Set<Socket> watching = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService pumps = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger cuts = new AtomicInteger();
    private volatile int cutAfter = -1;
    private volatile boolean dropReplies;

    private FaultProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pumps.submit(this::accept);
    }

    /** A proxy forwarding to {@code targetPort} on 127.0.0.1. */
    public static FaultProxy start(int targetPort) {
        return new FaultProxy(targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every open connection; new ones are still accepted. */
    public void dropConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Break off Git pack uploads after this many bytes; negative to forward everything. */
    public void cutPushesAfter(int bytes) {
        this.cutAfter = bytes;
    }

    /** Cut the server's reply to every Git push, after the server has received the whole request. */
    public void dropPushReplies(boolean drop) {
        this.dropReplies = drop;
    }

    /** How many connections are open now whose last request was a watch: a closed watch is gone from here. */
    public int openWatches() {
        return (int) watching.stream().filter(s -> !s.isClosed()).count();
    }

    /** How many uploads were broken off. */
    public int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(server);
                java.util.concurrent.atomic.AtomicBoolean pushing = new java.util.concurrent.atomic.AtomicBoolean();
                pumps.submit(() -> pump(client, server, true, pushing));
                pumps.submit(() -> pump(server, client, false, pushing));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upload, java.util.concurrent.atomic.AtomicBoolean pushing) {
        byte[] buffer = new byte[8192];
        long forwarded = 0;
        boolean isPush = false;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (upload) {
                    String head = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
                    if (head.startsWith("POST ") || head.startsWith("GET ")) {
                        // a new request on a kept-alive connection
                        isPush = head.startsWith("POST ") && head.contains("git-receive-pack");
                        String line = head.contains("\r\n") ? head.substring(0, head.indexOf("\r\n")) : head;
                        if (line.contains("watch=true")) {
                            watching.add(from);
                        } else {
                            watching.remove(from);
                        }
                        pushing.set(isPush);
                        forwarded = 0;
                    }
                } else if (dropReplies && pushing.get()) {
                    // the server answered a push: it has the pack and has moved the branch
                    cuts.incrementAndGet();
                    return;
                }
                int limit = cutAfter;
                if (isPush && limit >= 0 && forwarded + n > limit) {
                    out.write(buffer, 0, (int) Math.max(0, limit - forwarded));
                    out.flush();
                    cuts.incrementAndGet();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                forwarded += n;
            }
        } catch (IOException e) {
            // one side went away: close the other
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
            watching.remove(from);
            watching.remove(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        dropConnections();
        pumps.shutdownNow();
    }
}
