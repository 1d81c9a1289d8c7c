package io.jenkins.plugins.carvelgitops.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The scenarios against Flux v0.41 (kustomize-controller v0.35, source-controller v0.36, {@code v1beta2}). */
class LegacyFluxIT extends FluxScenarios {

    @RegisterExtension
    static final ControlPlaneExtension PLANE = new ControlPlaneExtension(FluxGeneration.LEGACY);

    @Override
    ControlPlaneExtension extension() {
        return PLANE;
    }
}
