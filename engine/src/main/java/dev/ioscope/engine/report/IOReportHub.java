package dev.ioscope.engine.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of reporters a machine publishes, each under a provider name, a group and a subgroup (the legend's
 * {@code IOReportGroupName} / {@code IOReportSubGroupName}, which drivers set with
 * {@code IOReporter::legend} → {@code addReporterLegend(reporter, group, subgroup)}).
 */
public final class IOReportHub {
    /** One published reporter and where it is filed. */
    public record Published(String providerName, String group, String subgroup, IOReporter reporter) {
    }

    private final List<Published> published = new ArrayList<>();

    /** {@code IOReporter::updateAllReports}-side registration: the legend entry for {@code reporter}. */
    public void addReporterLegend(String providerName, IOReporter reporter, String group, String subgroup) {
        published.add(new Published(providerName, group, subgroup, reporter));
    }

    public List<Published> published() {
        return List.copyOf(published);
    }
}
