package io.jenkins.plugins.carvelgitops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the project version and the commit the command line was built from. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // reported as unknown below
        }
        String version = known(p.getProperty("version"));
        String commit = known(p.getProperty("commit"));
        boolean dirty = "true".equals(p.getProperty("dirty"));
        return new String[] {"carvel-gitops " + (version == null ? "(version unknown)" : version) + " (commit "
                + (commit == null ? "unknown" : commit + (dirty ? ", with uncommitted changes" : "")) + ")"};
    }

    /** A property Maven did not fill in stays {@code ${...}}. */
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? null : value;
    }
}
