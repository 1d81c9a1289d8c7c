package io.jenkins.plugins.carvelgitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.carvelgitops.builders.PromoteBuilder;
import io.jenkins.plugins.carvelgitops.builders.RenderBuilder;
import io.jenkins.plugins.carvelgitops.builders.VerifyBuilder;
import io.jenkins.plugins.carvelgitops.config.CarvelGitopsGlobalConfiguration;
import io.jenkins.plugins.carvelgitops.config.StageKubeconfig;
import io.jenkins.plugins.carvelgitops.steps.BootstrapStep;
import io.jenkins.plugins.carvelgitops.steps.FluxVerifyStep;
import io.jenkins.plugins.carvelgitops.steps.PromoteStep;
import io.jenkins.plugins.carvelgitops.steps.RenderStep;
import io.jenkins.plugins.carvelgitops.steps.WaitForMergeStep;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Resources mirror classes: each step and builder has a form, a help page, and help for every
 * parameter (builders point at their step's help instead of copying it); every form field is a
 * parameter; no two help files are identical.
 */
class ResourcesTest {

    private static final Path RESOURCES = Path.of(System.getProperty("plugin.resources",
            "src/main/resources"));

    private static final Map<Class<?>, Class<?>> BUILDER_STEP = Map.of(RenderBuilder.class, RenderStep.class,
            PromoteBuilder.class, PromoteStep.class, VerifyBuilder.class, FluxVerifyStep.class);

    static Set<String> parameters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> c : type.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    names.add(p.getName());
                }
            }
        }
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    private static Path folder(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/'));
    }

    @Test
    void everyStepParameterHasHelpAndAFormField() throws IOException {
        for (Class<?> step : new Class<?>[] {RenderStep.class, PromoteStep.class, FluxVerifyStep.class,
            BootstrapStep.class, WaitForMergeStep.class, CarvelGitopsGlobalConfiguration.class, StageKubeconfig.class}) {
            Set<String> params = parameters(step);
            assertThat(params).as(step.getSimpleName()).isNotEmpty();
            String jelly = Files.readString(folder(step).resolve("config.jelly"));
            for (String p : params) {
                assertThat(folder(step).resolve("help-" + p + ".html")).as(step.getSimpleName() + "." + p).exists();
                assertThat(jelly).as(step.getSimpleName() + " form").contains("field=\"" + p + "\"");
            }
            assertThat(fields(jelly)).as(step.getSimpleName() + " form fields are parameters").isSubsetOf(params);
        }
        for (Class<?> step : new Class<?>[] {RenderStep.class, PromoteStep.class, FluxVerifyStep.class,
            BootstrapStep.class, WaitForMergeStep.class}) {
            assertThat(Files.readString(folder(step).resolve("help.html"))).as(step.getSimpleName())
                    .contains("<pre>");
        }
    }

    @Test
    void buildersTakeTheirStepsParametersAndHelp() throws IOException {
        for (Map.Entry<Class<?>, Class<?>> e : BUILDER_STEP.entrySet()) {
            Class<?> builder = e.getKey();
            Set<String> params = parameters(builder);
            assertThat(params).as(builder.getSimpleName()).isEqualTo(parameters(e.getValue()));
            String jelly = Files.readString(folder(builder).resolve("config.jelly"));
            assertThat(jelly).contains("/descriptor/" + e.getValue().getName() + "/help");
            assertThat(fields(jelly)).isEqualTo(params);
            assertThat(folder(builder).resolve("help.html")).exists();
        }
    }

    @Test
    void noHelpFileIsACopyOfAnother() throws IOException {
        Set<String> seen = new HashSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("help")).toList()) {
                assertThat(seen.add(Files.readString(f))).as(f + " duplicates another help file").isTrue();
            }
        }
    }

    @Test
    void formsEscapeByDefault() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jelly")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).startsWith("<?jelly escape-by-default='true'?>");
            }
        }
    }

    @Test
    void theJcascRoundTripTestUsesTheDocumentedExample() throws IOException {
        Path root = RESOURCES.toAbsolutePath().getParent().getParent().getParent().getParent();
        assertThat(Files.readString(root.resolve("plugin/src/test/resources/io/jenkins/plugins/carvelgitops/jcasc.yaml")))
                .isEqualTo(Files.readString(root.resolve("docs/examples/jcasc.yaml")));
    }

    private static Set<String> fields(String jelly) {
        Set<String> names = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<f:entry field=\"([^\"]+)\"").matcher(jelly);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
