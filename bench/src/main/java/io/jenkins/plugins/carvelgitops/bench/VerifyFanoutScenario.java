package io.jenkins.plugins.carvelgitops.bench;

import io.jenkins.plugins.carvelgitops.engine.kube.KubeClients;
import io.jenkins.plugins.carvelgitops.engine.testing.FluxSimulator;
import io.jenkins.plugins.carvelgitops.engine.testing.SimulatedDelivery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 5: one {@code carvel-gitops verify} process waiting on 200 stages (each its own run cluster):
 * its peak resident memory and thread count, read from {@code /proc} while it runs, at three sizes (20, 100
 * and 200 run clusters; {@code --quick}: 20 and 100). The baseline is the same command line on the OkHttp
 * transport (the one Jenkins provides, and the command line's before issue 18), chosen with
 * {@code KubeClients}' transport property.
 */
final class VerifyFanoutScenario {

    private final Settings settings;

    VerifyFanoutScenario(Settings settings) {
        this.settings = settings;
    }

    /** Peak resident memory, peak threads and wall time of one verify process. */
    record Peak(double rssMb, int threads, double seconds) {
    }

    List<Result> run() throws Exception {
        List<Integer> sizes = settings.smoke() ? List.of(4) : settings.quick() ? List.of(20, 100)
                : List.of(20, 100, 200);
        List<Result> results = new ArrayList<>();
        for (int stages : sizes) {
            results.add(run(stages));
        }
        return results;
    }

    private Result run(int stages) throws Exception {
        // One run cluster per stage, as fleets are built: stages never share a PackageInstall.
        int clusters = stages;
        Path dir = Files.createDirectories(settings.work().resolve("fanout-" + stages));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            names.add("s" + i);
        }
        String pkg = Files.readString(settings.examples().resolve("hello/package.yaml"))
                .replace("hello.default.tap", SimulatedDelivery.PACKAGE).replace("20240318141801.0.0", "1.2.3");
        Files.writeString(dir.resolve("package.yaml"), pkg);
        StringBuilder config = new StringBuilder("package: " + SimulatedDelivery.PACKAGE + "\npackageFile: package.yaml\n"
                + "repository: {url: ./gitops-repo}\nflux: {namespace: " + SimulatedDelivery.FLUX_NS
                + ", apiVersion: v1}\nstages:\n");
        for (String s : names) {
            config.append("- {name: ").append(s).append(", namespace: ").append(SimulatedDelivery.APP_NS)
                    .append(", serviceAccount: sa, values: {workload_name: ").append(SimulatedDelivery.INSTALL)
                    .append("}}\n");
        }
        Files.writeString(dir.resolve("carvel-gitops.yaml"), config.toString());
        List<String> render = new ArrayList<>(List.of("render"));
        names.forEach(n -> render.addAll(List.of("--stage", n)));
        Processes.run(dir, Processes.java(settings.cliJar(), render.toArray(String[]::new)), null);
        String sha = Processes.run(dir.resolve("gitops-repo"), List.of("git", "rev-parse", "HEAD"), null).strip();

        try (SimulatedDelivery d = new SimulatedDelivery("v1", FluxSimulator.Format.SHA1, names, clusters, false)) {
            // the versions first: the simulated Flux applies as soon as it sees the head
            names.forEach(n -> d.deliver(n, "1.2.3"));
            d.flux.head(sha);
            // let the simulators settle first, so that the figures are the verifier's, not a race between them
            long settleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            for (String n : names) {
                while (d.run(n).get(SimulatedDelivery.pkgiApi(), "PackageInstall", SimulatedDelivery.APP_NS,
                        SimulatedDelivery.INSTALL) == null && System.nanoTime() < settleBy) {
                    Thread.sleep(50);
                }
            }
            Path kubeconfigs = Files.createDirectories(dir.resolve("kubeconfigs"));
            Files.writeString(kubeconfigs.resolve("build"), d.build.kubeconfig().content());
            List<String> verify = new ArrayList<>(List.of("verify", "--kubeconfig", kubeconfigs.resolve("build")
                    .toString(), "--timeout", "5m"));
            Map<Object, Path> written = new LinkedHashMap<>();
            for (String n : names) {
                Path file = written.computeIfAbsent(d.run(n), c -> {
                    Path f = kubeconfigs.resolve("run-" + written.size());
                    try {
                        Files.writeString(f, d.run(n).kubeconfig().content());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return f;
                });
                verify.addAll(List.of("--stage-kubeconfig", n + "=" + file));
            }
            String[] args = verify.toArray(String[]::new);
            Peak ours = measure(dir, Processes.java(settings.cliJar(), args), stages);
            List<String> okhttp = Processes.java(settings.cliJar(), args);
            okhttp.add(1, "-D" + KubeClients.TRANSPORT_PROPERTY + "=okhttp");
            Peak before = measure(dir, okhttp, stages);
            String detail = String.format(Locale.ROOT, "%d stages on as many run clusters: peak RSS %.0f MB, peak threads "
                    + "%d, done in %.1f s; OkHttp transport (baseline): %.0f MB, %d threads, %.1f s (the figures are "
                    + "MB, not ms)", stages, ours.rssMb(), ours.threads(), ours.seconds(), before.rssMb(),
                    before.threads(), before.seconds());
            boolean judged = stages >= 200;
            boolean met = ours.rssMb() < 300 && ours.threads() <= 64;
            return new Result("verify-fan-out-" + stages + "-stages", new Stats(ours.rssMb(), ours.rssMb(),
                    ours.rssMb(), 1), new Stats(before.rssMb(), before.rssMb(), before.rssMb(), 1), detail,
                    judged ? "under 300 MB RSS, at most 64 threads" : null, judged ? met : null);
        }
    }

    private static Peak measure(Path dir, List<String> command, int stages) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("verify.err").toFile()).start();
        long peakRssKb = 0;
        int peakThreads = 0;
        long start = System.nanoTime();
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            Path status = Path.of("/proc/" + p.pid() + "/status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                    } else if (line.startsWith("Threads:")) {
                        peakThreads = Math.max(peakThreads, Integer.parseInt(line.replaceAll("\\D", "")));
                    }
                }
            } catch (java.io.IOException e) {
                break;
            }
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                p.destroyForcibly();
                throw new IllegalStateException("verify of " + stages + " stages did not finish");
            }
        }
        // the status file can vanish just before the process is reaped: wait for the exit itself
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("verify failed: " + Files.readString(dir.resolve("verify.err")));
        }
        return new Peak(peakRssKb / 1024.0, peakThreads, (System.nanoTime() - start) / 1e9);
    }
}
