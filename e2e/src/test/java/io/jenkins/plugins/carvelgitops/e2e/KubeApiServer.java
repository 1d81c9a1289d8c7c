package io.jenkins.plugins.carvelgitops.e2e;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real kube-apiserver on 127.0.0.1: its own etcd prefix, a self-signed serving certificate it writes
 * itself, one static bearer token in {@code system:masters}, RBAC on. The kubeconfig names the server's
 * CA, so clients (the Flux controllers too) verify TLS.
 */
public final class KubeApiServer implements AutoCloseable {

    private final String name;
    private final int port;
    private final String token;
    private final LocalProcess process;
    private final String kubeconfig;
    private final Path kubeconfigFile;
    private KubernetesClient client;

    private KubeApiServer(String name, int port, String token, LocalProcess process, String kubeconfig,
            Path kubeconfigFile) {
        this.name = name;
        this.port = port;
        this.token = token;
        this.process = process;
        this.kubeconfig = kubeconfig;
        this.kubeconfigFile = kubeconfigFile;
    }

    /** Starts the server; call {@link #awaitReady(Duration)} before using it. */
    public static Started start(String name, Path binary, String etcdUrl, Path dir) {
        try {
            Files.createDirectories(dir.resolve("certs"));
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Path tokens = Files.writeString(dir.resolve("tokens.csv"), token + ",admin,admin,system:masters\n");
            Path saKey = dir.resolve("service-account.key");
            Files.writeString(saKey, serviceAccountKey());
            int port = Ports.free();
            LocalProcess p = LocalProcess.start("kube-apiserver (" + name + ")", List.of(binary.toString(),
                    "--etcd-servers=" + etcdUrl, "--etcd-prefix=/" + name,
                    "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", "--secure-port=" + port,
                    "--cert-dir=" + dir.resolve("certs"), "--token-auth-file=" + tokens,
                    "--authorization-mode=RBAC", "--service-account-issuer=https://kubernetes.default.svc",
                    "--service-account-key-file=" + saKey, "--service-account-signing-key-file=" + saKey,
                    "--service-cluster-ip-range=10.0.0.0/24", "--allow-privileged=true",
                    "--endpoint-reconciler-type=none", "--enable-priority-and-fairness=false"),
                    dir.resolve("kube-apiserver.log"), Map.of());
            return new Started(name, port, token, p, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started server not known to be ready yet. */
    public record Started(String name, int port, String token, LocalProcess process, Path dir) {

        public KubeApiServer awaitReady(Duration timeout) {
            process.awaitReady(timeout, () -> Ports.answers("https://127.0.0.1:" + port + "/readyz", token));
            try {
                String ca = Files.readString(dir.resolve("certs/apiserver.crt"), StandardCharsets.US_ASCII);
                String kubeconfig = kubeconfig(port, ca, token);
                Path file = Files.writeString(dir.resolve("kubeconfig"), kubeconfig);
                return new KubeApiServer(name, port, token, process, kubeconfig, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String kubeconfig(int port, String caPem, String token) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: e2e
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority-data: %s
                users:
                - name: admin
                  user:
                    token: %s
                contexts:
                - name: e2e
                  context: {cluster: e2e, user: admin}
                current-context: e2e
                """.formatted(port, Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)),
                token);
    }

    private static String serviceAccountKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Kubeconfig content: server, CA and the admin token. */
    public String kubeconfig() {
        return kubeconfig;
    }

    public Path kubeconfigFile() {
        return kubeconfigFile;
    }

    public LocalProcess process() {
        return process;
    }

    public synchronized KubernetesClient client() {
        if (client == null) {
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
        }
        return client;
    }

    String token() {
        return token;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (client != null) {
                client.close();
            }
        }
        process.close();
    }
}
