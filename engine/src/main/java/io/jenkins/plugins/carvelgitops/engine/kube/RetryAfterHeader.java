package io.jenkins.plugins.carvelgitops.engine.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Carries an HTTP {@code Retry-After} header of a 429 or 5xx response into the body, as the Kubernetes
 * Status field {@code details.retryAfterSeconds}, so that the error the client raises still says how long
 * to wait. The API server's own JSON errors carry both; a throttling filter or a proxy in front of it
 * may send only the header, with a plain-text body.
 */
final class RetryAfterHeader implements Interceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");
    private static final long MAX_BODY = 64 * 1024;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        int code = response.code();
        String header = response.header("Retry-After");
        if ((code != 429 && code < 500) || header == null) {
            return response;
        }
        long seconds;
        try {
            seconds = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return response; // an HTTP date: rare from an API server; the back-off applies
        }
        String text = response.peekBody(MAX_BODY).string();
        Map<String, Object> status = statusOf(text, code, response.message());
        @SuppressWarnings("unchecked")
        Map<String, Object> details = status.get("details") instanceof Map<?, ?> d
                ? new LinkedHashMap<>((Map<String, Object>) d) : new LinkedHashMap<>();
        details.putIfAbsent("retryAfterSeconds", seconds);
        status.put("details", details);
        ResponseBody body = ResponseBody.create(JSON.writeValueAsString(status), APPLICATION_JSON);
        response.close();
        return response.newBuilder().body(body).header("Content-Type", "application/json").build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusOf(String text, int code, String reasonPhrase) {
        try {
            Object parsed = JSON.readValue(text, Object.class);
            if (parsed instanceof Map<?, ?> m && "Status".equals(m.get("kind"))) {
                return new LinkedHashMap<>((Map<String, Object>) m);
            }
        } catch (IOException e) {
            // not JSON: a plain-text error
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("apiVersion", "v1");
        status.put("kind", "Status");
        status.put("status", "Failure");
        String message = text.isBlank() ? reasonPhrase : text.strip();
        status.put("message", message.length() > 200 ? message.substring(0, 200) : message);
        status.put("reason", code == 429 ? "TooManyRequests" : "InternalError");
        status.put("code", code);
        return status;
    }
}
