package io.tsmtck.emu.spdm;

import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.wire.ByteString;
import io.tsmtck.api.wire.WireWriter;
import java.util.Optional;

/**
 * DOE discovery (PCIe Base 6.x 6.30.1.1): the request's first byte is an index; the answer names the
 * protocol at that index (vendor u16, type u8) and the next index, 0 after the last. This mailbox
 * has discovery, SPDM and secured SPDM.
 */
final class DoeDiscovery {

    private static final int[] TYPES = {DoeObject.TYPE_DISCOVERY, DoeObject.TYPE_SPDM, DoeObject.TYPE_SECURED_SPDM};

    private DoeDiscovery() {
    }

    static Optional<DoeObject> answer(ByteString request) {
        if (request.size() != 4) {
            return Optional.empty();
        }
        int index = Math.min(request.get(0), TYPES.length - 1);
        int next = index + 1 < TYPES.length ? index + 1 : 0;
        return Optional.of(DoeObject.wrap(DoeObject.TYPE_DISCOVERY, WireWriter.littleEndian()
                .u16(DoeObject.VENDOR_PCI_SIG).u8(TYPES[index]).u8(next).toByteString()));
    }
}
