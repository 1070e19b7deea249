package dev.ioscope.app.diagnostics;

import dev.ioscope.app.TestData;
import dev.ioscope.engine.registry.IOKitDiagnostics;
import dev.ioscope.engine.registry.IOKitDiagnostics.ClassCount;
import dev.ioscope.engine.snapshot.codecs.Snapshots;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The diagnostics table's model on a real dump (figures checked by hand against the dump's text). */
class DiagnosticsViewModelTest {
    static IOKitDiagnostics real() throws Exception {
        return IOKitDiagnostics.of(Snapshots.load(TestData.path("snapshots/MacBookPro8-1.IOService.txt"))
                .registry()).orElseThrow();
    }

    @Test
    void filterTopAndFigures() throws Exception {
        DiagnosticsViewModel vm = new DiagnosticsViewModel();
        assertThat(vm.figuresProperty().get()).isEqualTo("This registry has no IOKitDiagnostics at its root.");
        vm.sourceProperty().set(real());
        assertThat(vm.rows()).hasSize(910);
        assertThat(vm.figuresProperty().get()).isEqualTo("Container allocation 6,569,349 B  ·  Instance allocation "
                + "5,252,992 B  ·  Pageable allocation 549,670,912 B  ·  IOMalloc allocation 54,778,334 B");
        vm.topNProperty().set(2);
        assertThat(vm.top()).containsExactly(new ClassCount("OSNumber", 15_557), new ClassCount("OSDictionary",
                13_463));
        vm.filterProperty().set("iouserclient");     // case does not matter
        assertThat(vm.rows()).extracting(ClassCount::className).contains("IOUserClient")
                .allMatch(c -> c.toLowerCase().contains("iouserclient"));
        assertThat(vm.top().get(0)).isEqualTo(new ClassCount("IOUserClient", 30));
        assertThat(vm.summaryProperty().get()).startsWith("910 classes (" + vm.rows().size() + " shown)");
    }
}
