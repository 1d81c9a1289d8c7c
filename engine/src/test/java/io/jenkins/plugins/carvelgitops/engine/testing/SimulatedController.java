package io.jenkins.plugins.carvelgitops.engine.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the Flux and kapp-controller simulators share: one reconcile thread (a controller works its queue
 * in order), their watches, status writes that remember when the last one landed and show every written
 * object to observers (the contract test), Kubernetes conditions, and the simulated delay. Test-only.
 */
final class SimulatedController implements AutoCloseable {

    /** Every condition's lastTransitionTime and every artifact's lastUpdateTime: fixed, so outputs are stable. */
    static final String TIMESTAMP = "2026-01-01T00:00:00Z";

    private final String name;
    private final ExecutorService executor;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final List<Consumer<GenericKubernetesResource>> observers = new CopyOnWriteArrayList<>();
    private volatile long lastWriteNanos;
    /** When each status write was sent ({@link System#nanoTime()}), for timing what came after it. */
    private final java.util.concurrent.ConcurrentSkipListSet<Long> writesSent =
            new java.util.concurrent.ConcurrentSkipListSet<>();

    SimulatedController(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} on the reconcile thread; a failure (object deleted meanwhile, test over) is printed. */
    void execute(Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                System.err.println(name + ": " + e + " cause " + e.getCause());
            }
        });
    }

    /** Watches {@code kind} in {@code namespace}, handing every added or modified object to {@code onChange}. */
    void watch(KubernetesClient client, String apiVersion, String kind, String namespace,
            Consumer<GenericKubernetesResource> onChange) {
        watches.add(client.genericKubernetesResources(MockCluster.context(apiVersion, kind)).inNamespace(namespace)
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, GenericKubernetesResource r) {
                        if (action != Action.DELETED && action != Action.ERROR) {
                            onChange.accept(r);
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        if (cause != null) {
                            System.err.println(name + " watch closed: " + cause);
                        }
                    }
                }));
    }

    /** Merges {@code status} into the object's status (see {@link MockCluster#patchStatus}) and notes when. */
    void writeStatus(KubernetesClient client, String apiVersion, String kind, String namespace, String object,
            Map<String, Object> status) {
        writesSent.add(System.nanoTime());
        GenericKubernetesResource written = MockCluster.patchStatus(client, apiVersion, kind, namespace, object,
                status);
        lastWriteNanos = System.nanoTime();
        observers.forEach(o -> o.accept(written));
    }

    /** {@link System#nanoTime()} when the last status write returned; 0 before the first. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /**
     * When the last status write sent at or before {@code nanos} was sent; 0 if none. A watcher can see a
     * write before its sender has the answer, so a reaction is timed from the sending; writes sent later
     * (after what is being timed) do not count.
     */
    long lastWriteSentBefore(long nanos) {
        Long sent = writesSent.floor(nanos);
        return sent == null ? 0 : sent;
    }

    /** Shows {@code observer} every object as it stands right after one of this controller's status writes. */
    void onStatusWritten(Consumer<GenericKubernetesResource> observer) {
        observers.add(observer);
    }

    /** A Kubernetes {@code metav1.Condition}, as Flux's controllers write them (every field the CRDs require). */
    static Map<String, Object> condition(String type, String status, String reason, String message, long gen) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("status", status);
        c.put("reason", reason);
        c.put("message", message);
        c.put("observedGeneration", gen);
        c.put("lastTransitionTime", TIMESTAMP);
        return c;
    }

    static String annotation(GenericKubernetesResource r, String key) {
        return r.getMetadata().getAnnotations() == null ? null : r.getMetadata().getAnnotations().get(key);
    }

    /** {@code spec.<field>}, or null. */
    static Object specField(GenericKubernetesResource r, String field) {
        return r.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec ? spec.get(field) : null;
    }

    static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis()); // the simulated controller's own delay
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until everything this controller has been asked to do so far is done. */
    void drain() {
        try {
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
