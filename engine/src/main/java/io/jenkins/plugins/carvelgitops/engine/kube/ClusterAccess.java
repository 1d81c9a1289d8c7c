package io.jenkins.plugins.carvelgitops.engine.kube;

import io.jenkins.plugins.carvelgitops.engine.model.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One Kubernetes cluster, as carvel-gitops uses it: read an object, apply one (server-side), set an
 * annotation, and watch a kind in a namespace. Objects are plain maps, as the API server returns them.
 * Errors are {@link ClusterException}s naming the cluster and the object.
 */
public interface ClusterAccess {

    /** The field manager of every write; Flux does not strip its fields (they start with neither {@code kubectl} nor {@code before-first-apply}). */
    String FIELD_MANAGER = "carvel-gitops";

    /** How messages name this cluster: {@code build cluster}, {@code run cluster of stage prod}. */
    String label();

    /**
     * The same cluster, retrying requests that fail for now (HTTP 429 and 5xx, a restarting API server)
     * only while the next wait ends before {@code deadline}. Without it, retries end after the client's
     * default retry period.
     */
    ClusterAccess within(Deadline deadline);

    Optional<Map<String, Object>> get(ObjectRef ref);

    /**
     * {@link #get} without holding the caller's thread: the request runs on the clients' request threads, and
     * a retry waits on a timer, holding no thread, so one cluster's retries never delay another's reads.
     * Fails with the {@link ClusterException} {@link #get} would throw.
     */
    default CompletableFuture<Optional<Map<String, Object>>> read(ObjectRef ref) {
        try {
            return CompletableFuture.completedFuture(get(ref));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Server-side apply with field manager {@value #FIELD_MANAGER}, forcing conflicts; idempotent. */
    Applied apply(Manifest manifest);

    /** Sets one annotation with a JSON merge patch (field manager {@value #FIELD_MANAGER}). */
    void annotate(ObjectRef ref, String key, String value);

    /**
     * Lists, then watches, the objects of one kind in one namespace; reconnects and lists again after a
     * dropped watch. Holds no thread of its own while waiting.
     */
    ObjectWatch watch(String apiVersion, String kind, String namespace, WatchListener listener);

    /** What a server-side apply did. */
    record Applied(ObjectRef ref, Outcome outcome) {
        public enum Outcome { CREATED, CONFIGURED, UNCHANGED }
    }

    /** A running watch. */
    interface ObjectWatch {
        /** Stops the watch; safe to call more than once, from any thread, without blocking. */
        void cancel();
    }

    /** Receives what a watch sees. Called from the client's shared threads; must not block. */
    interface WatchListener {

        /** The first list is done: these are all the objects of the kind in the namespace. */
        void synced(List<Map<String, Object>> objects);

        void changed(Map<String, Object> object);

        void deleted(Map<String, Object> object);

        /**
         * The watch could not start: the cluster never answered, or refused the list for good (401, 403,
         * 404). A list that fails only for now (429, 5xx) is tried again and reported with {@link #interrupted}.
         */
        void failed(String message);

        /**
         * The watch dropped after it had started, or its first list failed for now; it reconnects and
         * lists again by itself.
         */
        default void interrupted(String message) {
        }
    }
}
