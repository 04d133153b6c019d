package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Rule;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the message the kit is built from (dri-devel, 2025-01-20, Xu Yilun, "Re: [RFC PATCH
 * 08/12] vfio/pci: Create host unaccessible dma-buf for private device") is a testable rule of the
 * catalogue that cites the message, a MUST unless the message hedges it: a SHOULD then says why in
 * its note.
 */
class MailingListRulesTest {

    private static final String MESSAGE = "dri-devel 2025-01-20";

    /** The message's rules and the catalogue rule that carries each. */
    static Map<String, String> messageRules() {
        return Map.of(
                "bind requires the VM handle", "TSM-09",
                "bind leaves the TDI in CONFIG_LOCKED and never RUN", "SEC-01",
                "LOCKED -> RUN only by the guest", "SEC-02",
                "bind refused while MMIO is mapped by the host", "VFIO-01",
                "dma-bufs revoked before the TSM bind, restored after only if memory decode is enabled",
                "VFIO-04",
                "private MMIO exported only as a dma-buf the host CPU cannot access", "SEC-03",
                "closing the fds unbinds and restores the device", "VFIO-11",
                "the vIOMMU holds the VM", "IOMMUFD-08",
                "vendor-specific host preparation inside one coarse bind verb", "SEC-04");
    }

    static java.util.stream.Stream<Map.Entry<String, String>> entries() {
        return messageRules().entrySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void theMessageRuleIsARuleCitingTheMessage(Map.Entry<String, String> entry) {
        Rule rule = Catalogue.standard().rule(entry.getValue()).orElseThrow();

        assertThat(rule.level()).as(entry.getKey()).isIn(Level.MUST, Level.SHOULD);
        if (rule.level() == Level.SHOULD) {
            assertThat(rule.note()).as(entry.getKey() + ": a SHOULD says why").startsWith("SHOULD");
        }
        assertThat(rule.source()).as(entry.getKey()).contains(MESSAGE);
        assertThat(rule.isTestable()).as(entry.getKey()).isTrue();
    }
}
