package io.jenkins.plugins.carvelgitops.cli;

import picocli.CommandLine.Option;

/** {@code --push-attempts}: only for the commands that push (render, promote). */
final class PushOptions {

    static final int DEFAULT_ATTEMPTS = 10;

    @Option(names = "--push-attempts", paramLabel = "N", defaultValue = "" + DEFAULT_ATTEMPTS,
            description = "Pushes to try when others push first (default: ${DEFAULT-VALUE}).")
    int pushAttempts = DEFAULT_ATTEMPTS;

    /** Hands the attempts to the remote access of the same command. */
    RemoteAccessOptions applyTo(RemoteAccessOptions remote) {
        remote.pushAttempts = pushAttempts;
        return remote;
    }
}
