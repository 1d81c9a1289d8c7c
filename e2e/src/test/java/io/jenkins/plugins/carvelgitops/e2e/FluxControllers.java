package io.jenkins.plugins.carvelgitops.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real source-controller and kustomize-controller of one Flux generation, as processes on this
 * machine: their own kubeconfig (the build cluster's), leader election off, metrics and health on free
 * ports of 127.0.0.1, and the artifact storage served and advertised on 127.0.0.1 so the
 * kustomize-controller downloads what the source-controller fetched.
 */
final class FluxControllers implements AutoCloseable {

    private final List<LocalProcess> processes;

    private FluxControllers(List<LocalProcess> processes) {
        this.processes = processes;
    }

    static FluxControllers start(ControlPlaneBinaries binaries, FluxGeneration generation, Path kubeconfig, Path dir,
            Duration timeout) {
        List<LocalProcess> started = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve("storage"));
            Files.createDirectories(dir.resolve("tmp"));
            Map<String, String> env = Map.of("KUBECONFIG", kubeconfig.toString(), "RUNTIME_NAMESPACE", "flux-system",
                    "TMPDIR", dir.resolve("tmp").toString());
            int storage = Ports.free();
            int sourceHealth = Ports.free();
            started.add(LocalProcess.start("source-controller", List.of(binaries.sourceController(generation).toString(),
                    "--enable-leader-election=false", "--watch-all-namespaces=true", "--events-addr=",
                    "--metrics-addr=127.0.0.1:" + Ports.free(), "--health-addr=127.0.0.1:" + sourceHealth,
                    "--storage-path=" + dir.resolve("storage"), "--storage-addr=127.0.0.1:" + storage,
                    "--storage-adv-addr=127.0.0.1:" + storage, "--log-level=debug"),
                    dir.resolve("source-controller.log"), env));
            int kustomizeHealth = Ports.free();
            started.add(LocalProcess.start("kustomize-controller", List.of(
                    binaries.kustomizeController(generation).toString(), "--enable-leader-election=false",
                    "--watch-all-namespaces=true", "--events-addr=", "--metrics-addr=127.0.0.1:" + Ports.free(),
                    "--health-addr=127.0.0.1:" + kustomizeHealth, "--log-level=debug"),
                    dir.resolve("kustomize-controller.log"), env));
            started.get(0).awaitReady(timeout, () -> Ports.answers("http://127.0.0.1:" + sourceHealth + "/readyz", null));
            started.get(1).awaitReady(timeout, () -> Ports.answers("http://127.0.0.1:" + kustomizeHealth + "/readyz",
                    null));
            return new FluxControllers(started);
        } catch (IOException e) {
            started.forEach(LocalProcess::close);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            started.forEach(LocalProcess::close);
            throw e;
        }
    }

    List<LocalProcess> processes() {
        return processes;
    }

    @Override
    public void close() {
        processes.forEach(LocalProcess::close);
    }
}
