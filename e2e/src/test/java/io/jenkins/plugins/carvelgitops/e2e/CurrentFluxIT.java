package io.jenkins.plugins.carvelgitops.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The scenarios against Flux 2.x (source- and kustomize-controller v1, {@code flux.apiVersion: v1}). */
class CurrentFluxIT extends FluxScenarios {

    @RegisterExtension
    static final ControlPlaneExtension PLANE = new ControlPlaneExtension(FluxGeneration.CURRENT);

    @Override
    ControlPlaneExtension extension() {
        return PLANE;
    }
}
