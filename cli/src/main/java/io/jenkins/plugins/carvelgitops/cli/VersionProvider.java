package io.jenkins.plugins.carvelgitops.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"carvel-gitops " + (v == null ? "development build" : v)};
    }
}
