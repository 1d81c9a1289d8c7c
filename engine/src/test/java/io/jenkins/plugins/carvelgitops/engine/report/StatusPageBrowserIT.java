package io.jenkins.plugins.carvelgitops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.engine.testing.HeadlessChromium;
import io.jenkins.plugins.carvelgitops.engine.testing.StatusSamples;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page as a browser shows it: opened from a file in headless Chromium, its DOM holds every
 * stage, version and state, no value from a cluster became markup, and the screenshot is coloured by
 * state. The screenshot is kept as {@code target/status-page.png} for people to look at.
 */
class StatusPageBrowserIT {

    @TempDir
    Path dir;

    @Test
    void theDomHoldsEachStageItsVersionsAndItsStateAndNoInjectedMarkup() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Path page = Files.writeString(dir.resolve("status.html"), StatusPage.html(StatusSamples.live()),
                StandardCharsets.UTF_8);

        String dom = chromium.dumpDom(page);

        assertThat(dom).contains("<title>app.default.tap: delivery status</title>");
        assertThat(rowClass(dom, "dev")).isEqualTo("stage state-ready");
        assertThat(rowClass(dom, "staging")).isEqualTo("stage state-progressing");
        assertThat(rowClass(dom, "qa")).isEqualTo("stage state-failed");
        assertThat(rowClass(dom, "prod")).isEqualTo("stage state-progressing");
        assertThat(row(dom, "dev")).contains("<span class=\"version\">1.3.0</span>")
                .contains("<td class=\"cell live state-ready\"><span class=\"version\">1.3.0</span>");
        assertThat(row(dom, "staging")).contains("<td class=\"cell live state-progressing\"><span class=\"version\">"
                + "1.2.9</span><span class=\"detail\">Git pins 1.3.0</span>");
        assertThat(row(dom, "qa")).contains("<td class=\"cell pkgi state-failed\">")
                .contains("kapp: Error: Checking existance of resource service/simple-app");
        assertThat(row(dom, "prod")).contains("<td class=\"cell flux state-progressing\">")
                .contains("<td class=\"cell pkgi state-unknown\">").contains("run cluster of stage prod: cannot connect");
        // The hostile value is text in the page, not an element.
        assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
    }

    @Test
    void theScreenshotIsColouredByState() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find(dir);
        Path page = Files.writeString(dir.resolve("status.html"), StatusPage.html(StatusSamples.live()),
                StandardCharsets.UTF_8);
        Path png = chromium.screenshot(page, Path.of("target", "status-page.png"), 1280, 900);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(1280);
        // Cell backgrounds of each state cover a good part of the page (each is a whole table cell).
        int pixels = image.getWidth() * image.getHeight();
        assertThat(count(image, 0xdafbe1)).as("ready green").isGreaterThan(pixels / 50);
        assertThat(count(image, 0xfff8c5)).as("progressing amber").isGreaterThan(pixels / 50);
        assertThat(count(image, 0xffebe9)).as("failed red").isGreaterThan(pixels / 100);
        assertThat(count(image, 0xeff2f5)).as("unknown grey").isGreaterThan(pixels / 100);
    }

    private static String row(String dom, String stage) {
        Matcher m = Pattern.compile("<tr [^>]*id=\"stage-" + stage + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("a row for stage " + stage).isTrue();
        return m.group();
    }

    private static String rowClass(String dom, String stage) {
        Matcher m = Pattern.compile("<tr class=\"([^\"]*)\" id=\"stage-" + stage + "\"").matcher(dom);
        assertThat(m.find()).as("a row for stage " + stage).isTrue();
        return m.group(1);
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
