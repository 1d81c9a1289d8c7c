package io.jenkins.plugins.carvelgitops.steps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A workspace of {@code hello.default.tap}: its config (staging, then prod) and its Package CRs. Test-only. */
final class HelloWorkspace {

    private HelloWorkspace() {
    }

    /** Writes {@code carvel-gitops.yaml}: the repository {@code ./gitops-repo}, Flux in {@code build-ns}. */
    static Path writeConfig(Path workspace) throws IOException {
        return Files.writeString(workspace.resolve("carvel-gitops.yaml"), """
                package: hello.default.tap
                install: hello
                repository:
                  url: ./gitops-repo
                flux:
                  url: https://git.example.com/acme/gitops.git
                  namespace: build-ns
                stages:
                  - name: staging
                    namespace: apps
                    serviceAccount: hello-installer
                  - name: prod
                    namespace: apps
                    serviceAccount: hello-installer
                """);
    }

    /** The Package CR of {@code hello.default.tap} at {@code version}. */
    static String packageYaml(String version) {
        return """
                apiVersion: data.packaging.carvel.dev/v1alpha1
                kind: Package
                metadata:
                  name: hello.default.tap.%s
                spec:
                  refName: hello.default.tap
                  version: %s
                  template:
                    spec:
                      fetch:
                      - imgpkgBundle:
                          image: registry.example.com/hello-bundle:%s
                      template:
                      - ytt:
                          paths:
                          - .
                      deploy:
                      - kapp: {}
                """.formatted(version, version, version);
    }
}
