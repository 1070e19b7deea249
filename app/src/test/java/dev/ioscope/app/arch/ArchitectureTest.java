package dev.ioscope.app.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of docs/development.md, kept true by the build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ioscope");
        // Guard against a rule that passes because nothing was imported.
        org.assertj.core.api.Assertions.assertThat(classes.contain("dev.ioscope.engine.registry.IORegistry")
                && classes.contain("dev.ioscope.app.explorer.ExplorerView")
                && classes.contain("dev.ioscope.cli.Cli")).isTrue();
    }

    @Test
    void engineHasNoJavaFx() {
        noClasses().that().resideInAPackage("dev.ioscope.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void cliHasNoJavaFx() {
        // The command line must run with no display: it may not link a single JavaFX class.
        noClasses().that().resideInAPackage("dev.ioscope.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.ioscope.app..", "org.fxmisc..",
                        "atlantafx..", "org.kordamp..")
                .check(classes);
    }

    @Test
    void appNeverMutatesTheRegistry() {
        // The explorer shows engine models; only the engine changes them (IORegistry links, entry setters,
        // class catalogue definitions, plane creation by IORegistry.plane(String)).
        noClasses().that().resideInAPackage("dev.ioscope.app..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("an engine mutator",
                        call -> {
                            var target = call.getTarget();
                            String owner = target.getOwner().getName();
                            String name = target.getName();
                            return (owner.equals("dev.ioscope.engine.registry.IORegistry")
                                    && List.of("attach", "detach", "detachAll", "remove", "createEntry", "plane")
                                    .contains(name))
                                    || (owner.equals("dev.ioscope.engine.registry.IORegistryEntry")
                                    && name.startsWith("set"))
                                    || (owner.equals("dev.ioscope.engine.registry.ClassCatalogue")
                                    && (name.equals("define") || name.equals("learnChain")));
                        }))
                .check(classes);
    }

    @Test
    void workbenchPanelsDoNotKnowEachOther() {
        // Each panel (matching, power, report, userclient, devices) builds on the workbench core only, so one can
        // change, or go, without touching the others.
        slices().matching("dev.ioscope.app.workbench.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

}
