package io.jenkins.plugins.carvelgitops.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages and the one direction their dependencies run in, as docs/architecture.md draws them.
 * A new package, or a dependency against the order, fails here first; then the page and this test change
 * together.
 */
class ArchitectureTest {

    static final String ENGINE = "io.jenkins.plugins.carvelgitops.engine";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ENGINE);

    /** Bottom to top: a package may use those listed before it, never one after it. */
    static final Set<String> PACKAGES = Set.of("text", "result", "progress", "validate", "model", "config", "git", "layout",
            "kube", "render", "promote", "pullrequest", "verify", "bootstrap", "report");

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> found = CLASSES.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(ENGINE + "."))
                .map(p -> p.substring(ENGINE.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).containsExactlyInAnyOrderElementsOf(PACKAGES);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dependenciesRunOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("text").definedBy(ENGINE + ".text..")
                .layer("result").definedBy(ENGINE + ".result..")
                .layer("progress").definedBy(ENGINE + ".progress..")
                .layer("validate").definedBy(ENGINE + ".validate..")
                .layer("model").definedBy(ENGINE + ".model..")
                .layer("config").definedBy(ENGINE + ".config..")
                .layer("git").definedBy(ENGINE + ".git..")
                .layer("layout").definedBy(ENGINE + ".layout..")
                .layer("kube").definedBy(ENGINE + ".kube..")
                .layer("render").definedBy(ENGINE + ".render..")
                .layer("promote").definedBy(ENGINE + ".promote..")
                .layer("pullrequest").definedBy(ENGINE + ".pullrequest..")
                .layer("verify").definedBy(ENGINE + ".verify..")
                .layer("bootstrap").definedBy(ENGINE + ".bootstrap..")
                .layer("report").definedBy(ENGINE + ".report..")
                .whereLayer("report").mayNotBeAccessedByAnyLayer()
                .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("pullrequest").mayOnlyBeAccessedByLayers("report")
                .whereLayer("promote").mayOnlyBeAccessedByLayers("pullrequest")
                .whereLayer("verify").mayOnlyBeAccessedByLayers("report")
                .whereLayer("render").mayOnlyBeAccessedByLayers("promote", "pullrequest", "bootstrap")
                .whereLayer("kube").mayOnlyBeAccessedByLayers("verify", "bootstrap")
                .whereLayer("layout").mayOnlyBeAccessedByLayers("kube", "render", "promote", "pullrequest", "verify", "bootstrap",
                        "report")
                .whereLayer("git").mayOnlyBeAccessedByLayers("layout", "kube", "render", "promote", "pullrequest", "verify",
                        "bootstrap", "report")
                .whereLayer("config").mayOnlyBeAccessedByLayers("git", "layout", "kube", "render", "promote", "pullrequest", "verify",
                        "bootstrap", "report")
                .whereLayer("model").mayOnlyBeAccessedByLayers("config", "git", "layout", "kube", "render", "promote",
                        "pullrequest", "verify", "bootstrap", "report")
                .whereLayer("validate").mayOnlyBeAccessedByLayers("model", "config", "git", "layout", "kube", "render",
                        "promote", "pullrequest", "verify", "bootstrap", "report")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNoJenkinsNorPicocli() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.jenkinsci..",
                "org.kohsuke..", "picocli..").check(CLASSES);
    }

    @Test
    void engineWritesNoStandardStream() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
    }
}
