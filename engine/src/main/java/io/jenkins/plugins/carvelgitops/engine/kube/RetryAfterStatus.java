package io.jenkins.plugins.carvelgitops.engine.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RetryAfterHeader} for fabric8's own HTTP layer (the Vert.x transport): a 429 or 5xx with a
 * {@code Retry-After} header and a body that is not JSON (a throttling filter or a proxy in front of the API
 * server) reaches the client as a Kubernetes Status with {@code details.retryAfterSeconds}, so the error it
 * raises still says how long to wait. A JSON body is the API server's own Status, which carries both.
 */
final class RetryAfterStatus implements Interceptor {

    static final String NAME = "carvel-gitops-retry-after";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
            HttpRequest request) {
        return new Replacing(consumer);
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Replacing replacing = consumer instanceof Replacing r ? r : consumer.unwrap(Replacing.class);
        int code = response.code();
        String header = response.header("Retry-After");
        String type = response.header("Content-Type");
        if (replacing == null || (code != 429 && code < 500) || header == null
                || (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("json"))) {
            return;
        }
        long seconds;
        try {
            seconds = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return; // an HTTP date: rare from an API server; the back-off applies
        }
        replacing.replacement = status(code, response.message(), seconds);
    }

    static byte[] status(int code, String reasonPhrase, long retryAfterSeconds) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("apiVersion", "v1");
        status.put("kind", "Status");
        status.put("status", "Failure");
        status.put("message", reasonPhrase == null || reasonPhrase.isBlank() ? "HTTP " + code : reasonPhrase);
        status.put("reason", code == 429 ? "TooManyRequests" : "InternalError");
        status.put("details", Map.of("retryAfterSeconds", retryAfterSeconds));
        status.put("code", code);
        try {
            return JSON.writeValueAsString(status).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes the body on unchanged, or, once {@link #after} has set a replacement, the replacement instead. */
    private static final class Replacing implements AsyncBody.Consumer<List<ByteBuffer>> {
        private final AsyncBody.Consumer<List<ByteBuffer>> delegate;
        private volatile byte[] replacement;
        private boolean replaced;

        Replacing(AsyncBody.Consumer<List<ByteBuffer>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void consume(List<ByteBuffer> value, AsyncBody asyncBody) throws Exception {
            byte[] r = replacement;
            if (r == null) {
                delegate.consume(value, asyncBody);
            } else if (!replaced) {
                replaced = true;
                delegate.consume(List.of(ByteBuffer.wrap(r)), asyncBody);
            } else {
                delegate.consume(List.of(), asyncBody);
            }
        }

        @Override
        public <U> U unwrap(Class<U> target) {
            return target.isInstance(this) ? target.cast(this) : delegate.unwrap(target);
        }
    }
}
