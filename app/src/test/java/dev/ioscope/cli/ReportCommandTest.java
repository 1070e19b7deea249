package dev.ioscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ioscope report} on docs/examples/ioreport-virtual-mac.json: the virtual Mac's NVMe disk receives three
 * block-io bursts (20,000 requests every 100 µs from 100 ms; 5,000 every 200 µs from 800 ms; 10,000 every 50 µs
 * from 2.5 s), so its I/O-latency histogram counts 4,000 requests by 500 ms (400 ms at one per 100 µs) and
 * 35,000 in the end — figures worked out from the scenario by hand.
 */
class ReportCommandTest {
    static final String SCENARIO = "../docs/examples/ioreport-virtual-mac.json";
    static final String LATENCY = "Block Storage / IOBlockStorageDriver / I/O Latency";

    @Test
    void csvRowsAreTheDashboardsAtEveryIntervalOfVirtualTime() {
        CliTest.Result r = CliTest.run("report", SCENARIO, "--interval-ms", "500", "--group", "Block Storage");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("channel,element,time_ns,value");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("Block Storage / "))
                .allMatch(l -> Long.parseLong(l.split(",")[2]) % 500_000_000L == 0);
        List<String> counts = lines.stream().filter(l -> l.startsWith(LATENCY + ",count,")).toList();
        assertThat(counts.get(0)).isEqualTo(LATENCY + ",count,500000000,4000");
        assertThat(counts.get(counts.size() - 1)).endsWith(",35000");
        assertThat(r.out()).contains("\r\n");   // RFC 4180 line ends, as the dashboard's export
    }

    @Test
    void jsonHoldsTheChannelsAndOneSamplePerInterval() throws Exception {
        CliTest.Result r = CliTest.run("report", SCENARIO, "--interval-ms", "1000", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("intervalNs").asLong()).isEqualTo(1_000_000_000L);
        assertThat(doc.get("quiet").asBoolean()).isTrue();
        assertThat(doc.get("channels")).anySatisfy(c -> {
            assertThat(c.get("channel").asText()).isEqualTo(LATENCY);
            assertThat(c.get("format").asText()).isEqualTo("histogram");
        });
        JsonNode samples = doc.get("samples");
        assertThat(samples.get(0).get("timeNs").asLong()).isEqualTo(1_000_000_000L);
        assertThat(samples.get(samples.size() - 1).get("values").get(LATENCY).get("count").asLong())
                .isEqualTo(35_000);
    }

    @Test
    void aChannelIdNarrowsAndBadValuesAreUsageErrors() {
        CliTest.Result none = CliTest.run("report", SCENARIO, "--channel", "0x1234567");
        assertThat(none.code()).isZero();
        assertThat(none.out().lines().toList()).containsExactly("channel,element,time_ns,value");
        assertThat(none.err()).contains("no channel matches the selection");

        for (String[] bad : List.of(new String[] {"--interval-ms", "0"}, new String[] {"--channel", "'ninechars'"},
                new String[] {"--format", "xml"}, new String[] {"--until-ms", "-5"})) {
            CliTest.Result r = CliTest.run("report", SCENARIO, bad[0], bad[1]);
            assertThat(r.code()).as(String.join(" ", bad) + ": " + r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.out()).isEmpty();
        }
    }
}
