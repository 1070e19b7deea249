package dev.ioscope.engine.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine's module rules of docs/development.md ("Module map"), kept true by the build. */
class EngineArchitectureTest {
    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ioscope.engine");
        // A rule over nothing passes: make sure the engine's main classes were found.
        assertThat(engine.contain("dev.ioscope.engine.registry.IORegistry")
                && engine.contain("dev.ioscope.engine.snapshot.codecs.Snapshots")
                && engine.contain("dev.ioscope.engine.spi.PluginLoader")).isTrue();
    }

    @Test
    @DisplayName("the engine never depends on JavaFX (it is the library the CLI and plugins link)")
    void engineNeverDependsOnJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .check(engine);
    }

    @Test
    @DisplayName("no package cycles in the engine: every package, nested ones included, is a slice")
    void enginePackagesAreFreeOfCycles() {
        // (**) makes snapshot and snapshot.xml, service and service.family separate slices: a base package may
        // be used by its sub-packages, never the other way round as well.
        slices().matching("dev.ioscope.engine.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    @DisplayName("only the plugin loader calls ServiceLoader: everything a plugin contributes comes through it")
    void onlyThePluginLoaderUsesServiceLoader() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.ioscope.engine.spi.PluginLoader")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.ServiceLoader")
                .check(engine);
    }
}
