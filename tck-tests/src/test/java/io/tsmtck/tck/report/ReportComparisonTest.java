package io.tsmtck.tck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Two reports rule by rule: what newly fails, newly passes, became NOT_TESTED, or says something else. */
class ReportComparisonTest {

    private static JsonNode report(String rules) throws Exception {
        return JsonReports.mapper().readTree("{\"verdict\": \"NOT_CERTIFIED\", \"rules\": [" + rules + "]}");
    }

    private static String rule(String id, String status, String message) {
        return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"tests\": [{\"name\": \"t\", \"status\": \""
                + status + "\", \"message\": \"" + message + "\"}]}";
    }

    @Test
    void eachKindOfChangeIsNamedAndNothingElse() throws Exception {
        JsonNode before = report(String.join(",", rule("TDISP-01", "PASSED", ""),
                rule("TDISP-02", "FAILED", "Rule TDISP-02 failed\\n  actual:   INVALID_REQUEST"),
                rule("TDISP-03", "PASSED", ""), rule("TDISP-04", "FAILED", "x\\n  actual:   nonce 00112233445566778899"),
                rule("TDISP-05", "FAILED", "x\\n  actual:   BUSY"), rule("TDISP-06", "PASSED", "")));
        JsonNode after = report(String.join(",", rule("TDISP-01", "FAILED", "Rule TDISP-01 failed\\n  actual:   RUN"),
                rule("TDISP-02", "PASSED", ""), rule("TDISP-03", "NOT_TESTED", "blocked by: LOCK"),
                rule("TDISP-04", "FAILED", "x\\n  actual:   nonce ffeeddccbbaa99887766"),
                rule("TDISP-05", "FAILED", "x\\n  actual:   UNSPECIFIED"), rule("TDISP-06", "PASSED", "")));

        ReportComparison compared = ReportComparison.of("build 41", before, "build 42", after);

        assertThat(compared.changes()).extracting(c -> c.rule() + " " + c.kind()).containsExactly(
                "TDISP-01 NEWLY_FAILED", "TDISP-02 NEWLY_PASSED", "TDISP-03 NOW_NOT_TESTED",
                "TDISP-05 MESSAGE_CHANGED");
        assertThat(compared.changes().get(0).detail()).isEqualTo("actual:   RUN");
        assertThat(compared.hasNewFailures()).isTrue();
        assertThat(compared.markdown()).contains("| TDISP-01 | NEWLY_FAILED | PASSED | FAILED | actual:   RUN |")
                .contains("1 newly failed, 1 newly passed, 1 now not tested, 1 message changed");
        assertThat(compared.table()).contains("TDISP-05").doesNotContain("TDISP-04").doesNotContain("TDISP-06");
    }

    @Test
    void aRuleOnlyOneReportHasIsNamedAndNothingChangedSaysSo() throws Exception {
        JsonNode before = report(rule("SPDM-22", "PASSED", ""));
        JsonNode after = report(rule("SPDM-23", "PASSED", ""));

        assertThat(ReportComparison.of("a", before, "b", after).changes())
                .extracting(c -> c.rule() + " " + c.before() + " -> " + c.after() + " " + c.kind())
                .containsExactly("SPDM-23 absent -> PASSED NEWLY_PASSED", "SPDM-22 PASSED -> absent STATUS_CHANGED");
        ReportComparison same = ReportComparison.of("a", before, "b", before);
        assertThat(same.changes()).isEmpty();
        assertThat(same.hasNewFailures()).isFalse();
        assertThat(same.markdown()).contains("No rule changed.");
    }

    @Test
    void somethingThatIsNoReportIsRefusedSayingSo() throws Exception {
        JsonNode notAReport = JsonReports.mapper().readTree("{\"hello\": 1}");

        assertThatThrownBy(() -> ReportComparison.of("a", notAReport, "b", notAReport))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TSM-TCK certification report");
    }

    @Test
    void theSameDeviceAtAnotherAddressIsNoChange() throws Exception {
        String at2323 = "{\"implementation\": {\"device\": {\"transport\": \"tcp://127.0.0.1:2323\"}}, \"rules\": ["
                + rule("TDISP-20", "NOT_TESTED", "needs a rig (tcp://127.0.0.1:2323 has no DeviceControl)") + "]}";
        String at2326 = at2323.replace("2323", "2326");

        assertThat(ReportComparison.of("a", JsonReports.mapper().readTree(at2323), "b",
                JsonReports.mapper().readTree(at2326)).changes()).isEmpty();
    }
}
