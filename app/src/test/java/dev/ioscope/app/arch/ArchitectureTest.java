package dev.ioscope.app.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The module rules of docs/development.md, kept true by the build. */
class ArchitectureTest {
    /** The one package that names every workbench panel and their order. */
    private static final String COMPOSITION = "dev.ioscope.app.workbench.panels";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ioscope");
        // Guard against a rule that passes because nothing was imported.
        assertThat(classes.contain("dev.ioscope.engine.registry.IORegistry")
                && classes.contain("dev.ioscope.app.explorer.ExplorerView")
                && classes.contain("dev.ioscope.cli.Cli")
                && classes.contain("dev.ioscope.plugins.pci.PciFamily")
                && classes.contain("dev.ioscope.plugins.storage.BlockIOExtension")).isTrue();
    }

    @Test
    @DisplayName("plugins use the engine plugin API only (PluginApi.PACKAGES), never the engine's other packages")
    void pluginsUseTheEnginePluginApiOnly() {
        noClasses().that().resideInAPackage("dev.ioscope.plugins..")
                .should().dependOnClassesThat(PluginApi.OUTSIDE)
                .check(classes);
    }

    @Test
    @DisplayName("what the plugin API's public signatures expose is itself plugin API (or the JDK)")
    void thePluginApiExposesOnlyThePluginApi() {
        List<String> leaks = PluginApi.leaks(classes);
        assertThat(leaks).as("public signatures of plugin API types naming engine types outside it")
                .containsExactlyInAnyOrderElementsOf(PluginApi.KNOWN_LEAKS);
    }

    @Test
    @DisplayName("no app class depends on a plugin's classes: plugins are found at run time by PluginLoader")
    void appNeverDependsOnAPlugin() {
        noClasses().that().resideInAnyPackage("dev.ioscope.app..", "dev.ioscope.cli..", "dev.ioscope.engine..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioscope.plugins..")
                .check(classes);
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
                .should().callMethodWhere(DescribedPredicate.describe("an engine mutator",
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
        // Each panel (matching, power, report, userclient, devices, ...) builds on the workbench core only, so one
        // can change, or go, without touching the others; only the composition (workbench.panels) names them all.
        slices().matching("dev.ioscope.app.workbench.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage(COMPOSITION), DescribedPredicate.alwaysTrue())
                .check(classes);
    }

    @Test
    @DisplayName("the workbench core depends on no panel: panels register through WorkbenchPanels, composed in "
            + "workbench.panels")
    void workbenchCoreDependsOnNoPanel() {
        noClasses().that().resideInAPackage("dev.ioscope.app.workbench")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ioscope.app.workbench.*..",
                        "dev.ioscope.app.diagnostics..")
                .check(classes);
        // Guard: the rule looks at the real core and the real composition.
        assertThat(classes.contain("dev.ioscope.app.workbench.WorkbenchView")
                && classes.contain(COMPOSITION + ".Panels")).isTrue();
    }

    @Test
    @DisplayName("no package cycles among the app's packages, each workbench panel package on its own")
    void appPackagesOneByOneAreFreeOfCycles() {
        slices().matching("dev.ioscope.app.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("no package cycles in the app: explorer, workbench, ui, prefs (each with its sub-packages)")
    void appPackagesAreFreeOfCycles() {
        slices().matching("dev.ioscope.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    @DisplayName("the explorer never depends on the workbench: it opens one through a WorkbenchLauncher")
    void explorerDoesNotKnowTheWorkbench() {
        noClasses().that().resideInAPackage("dev.ioscope.app.explorer..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioscope.app.workbench..")
                .check(classes);
    }

    @Test
    @DisplayName("only the composition root (dev.ioscope.app: the application, its start-up) knows every screen")
    void screensDoNotDependOnTheCompositionRoot() {
        noClasses().that().resideInAnyPackage("dev.ioscope.app.(*)..")
                .should().dependOnClassesThat().resideInAPackage("dev.ioscope.app")
                .check(classes);
    }

    @Test
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }

}
