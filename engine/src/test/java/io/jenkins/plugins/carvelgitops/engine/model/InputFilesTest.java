package io.jenkins.plugins.carvelgitops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.carvelgitops.engine.validate.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void devicesAreRefusedWithoutReadingThem() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        for (String device : new String[] {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            assertThatThrownBy(() -> SafeYaml.readUtf8(Path.of(device), "--package " + device))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("--package " + device + ": is not a regular file (a device, FIFO or socket); give a "
                            + "file saved on disk");
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("carvel-gitops.yaml");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(made, "mkfifo is not available: the FIFO case is not run");
        }
        assertThat(Files.isRegularFile(fifo) || !Files.exists(fifo)).as("a FIFO was made").isFalse();
        // opening a FIFO for reading blocks until a writer comes: the timeout fails the test if we do
        assertThatThrownBy(() -> SafeYaml.readUtf8(fifo, "carvel-gitops.yaml"))
                .hasMessageStartingWith("carvel-gitops.yaml: is not a regular file");
    }

    @Test
    void aFolderIsNamedAsOne(@TempDir Path dir) {
        assertThatThrownBy(() -> SafeYaml.readUtf8(dir, "package.yaml")).hasMessageContaining("is a folder, not a file");
    }

    /** /proc files report size 0 but have content: the limit must count what is read. */
    @Test
    void theLimitBoundsTheBytesReadNotTheReportedSize() throws Exception {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(status) && Files.size(status) == 0, "no /proc on this system");
        assertThatThrownBy(() -> InputFiles.read(status, "f", "", 64))
                .hasMessage("f: file is more than 64 bytes, larger than the 64-byte limit; give the real file, not a "
                        + "generated or concatenated one");
        assertThat(InputFiles.read(status, "f", "", 1 << 20)).isNotEmpty();
    }

    @Test
    void aLinkToARegularFileIsRead(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), target);
        assertThat(new String(InputFiles.read(link, "f", "", 100), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
        Path toDevice = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> InputFiles.read(toDevice, "f", "", 100)).hasMessageContaining("not a regular file");
    }
}
