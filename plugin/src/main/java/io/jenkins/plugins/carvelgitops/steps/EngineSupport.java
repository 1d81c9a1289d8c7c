package io.jenkins.plugins.carvelgitops.steps;

import hudson.AbortException;

/**
 * Where a step meets an engine service that this build of the plugin does not contain yet. Each use
 * names the engine API it is written against; the step's parameters, credentials, recording and
 * results are complete and tested around it.
 */
final class EngineSupport {

    private EngineSupport() {
    }

    static AbortException missing(String step, String engineApi) {
        return new AbortException(step + " is not available in this build: it needs the engine's " + engineApi);
    }
}
