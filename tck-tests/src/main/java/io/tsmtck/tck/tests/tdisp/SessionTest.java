package io.tsmtck.tck.tests.tdisp;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.tdisp.MessageType;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.device.DeviceCases;
import io.tsmtck.tck.device.DeviceSut;
import io.tsmtck.tck.device.TdispClient;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TDISP only inside a secured SPDM session (PCIe Base 6.x §11.2.2). */
@Tag("area-tdisp")
class SessionTest {

    static Stream<Arguments> mandatoryRequests() {
        return DeviceCases.with(Stream.of(MessageType.values()).filter(MessageType::isMandatoryRequest).toList());
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("mandatoryRequests")
    @Must("TDISP-19")
    void tdispInPlaintextGetsNoResponse(DeviceSut sut, MessageType type) {
        sut.requireSession();
        PciFunction pf0 = sut.connect().pf0();
        TdispClient tdisp = sut.tdisp(pf0);

        assertThat(tdisp.sendPlaintext(Requests.wellFormed(type, tdisp.header(), tdisp.defaultStream()).encode()))
                .as("%s outside the secured session", type).isDropped();
    }
}
