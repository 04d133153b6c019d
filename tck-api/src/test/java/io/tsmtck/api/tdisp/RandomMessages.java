package io.tsmtck.api.tdisp;

import io.tsmtck.api.wire.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Random, well-formed TDISP messages of a given type, for round-trip tests. */
final class RandomMessages {

    private final Random random;

    RandomMessages(Random random) {
        this.random = random;
    }

    TdispMessage of(MessageType type) {
        TdispHeader header = header();
        switch (type) {
            case GET_TDISP_CAPABILITIES:
                return new GetTdispCapabilities(header, u32());
            case LOCK_INTERFACE_REQUEST:
                return new LockInterfaceRequest(header, random.nextInt(0x20), u8(), random.nextLong(),
                        random.nextLong());
            case GET_DEVICE_INTERFACE_REPORT:
                return new GetDeviceInterfaceReport(header, u16(), u16());
            case START_INTERFACE_REQUEST:
                return new StartInterfaceRequest(header, bytes(32));
            case BIND_P2P_STREAM_REQUEST:
            case UNBIND_P2P_STREAM_REQUEST:
                return new P2pStreamRequest(type, header, u8());
            case SET_MMIO_ATTRIBUTE_REQUEST:
                return new SetMmioAttributeRequest(header, random.nextLong(), u32(), u16(), u16());
            case VDM_REQUEST:
            case VDM_RESPONSE:
                return new VdmMessage(type, header, vendorPayload());
            case TDISP_VERSION:
                return new TdispVersionResponse(header, versions());
            case TDISP_CAPABILITIES:
                // the bits of REQ_MSGS_SUPPORTED and LOCK_INTERFACE_FLAGS_SUPPORTED that name nothing are reserved
                byte[] requests = new byte[16];
                int named = u16() & ~TdispCapabilitiesResponse.RESERVED_REQUEST_BITS;
                requests[0] = (byte) named;
                requests[1] = (byte) (named >>> 8);
                return new TdispCapabilitiesResponse(header, 0, ByteString.of(requests),
                        u16() & ~LockFlag.RESERVED_MASK, u8(), u8(), u8());
            case LOCK_INTERFACE_RESPONSE:
                return new LockInterfaceResponse(header, bytes(32));
            case DEVICE_INTERFACE_REPORT:
                return new DeviceInterfaceReportResponse(header, bytes(random.nextInt(200)), u16());
            case DEVICE_INTERFACE_STATE:
                return new DeviceInterfaceStateResponse(header, pick(TdiState.values()));
            case TDISP_ERROR:
                return error(header);
            default:
                return new HeaderOnlyMessage(type, header);
        }
    }

    InterfaceReport report() {
        List<MmioRange> ranges = new ArrayList<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            ranges.add(new MmioRange(random.nextLong() & ~0xFFFL, u32(), random.nextInt(0x10), i));
        }
        return new InterfaceReport(random.nextInt(0x20), u16(), u16(), u32(), ranges, bytes(random.nextInt(40)));
    }

    private TdispMessage error(TdispHeader header) {
        TdispErrorCode code = pick(TdispErrorCode.values());
        return code == TdispErrorCode.VENDOR_SPECIFIC_ERROR
                ? TdispError.vendorSpecific(header, vendorPayload())
                : new TdispError(header, code, code.errorDataReserved() ? 0 : u32(), Optional.empty());
    }

    private TdispHeader header() {
        boolean segmentValid = random.nextBoolean();
        return new TdispHeader(u8(), new InterfaceId(u16(), segmentValid ? u8() : 0, segmentValid));
    }

    private VendorPayload vendorPayload() {
        return new VendorPayload(u8(), bytes(random.nextInt(8)), bytes(random.nextInt(64)));
    }

    private List<Integer> versions() {
        List<Integer> versions = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            versions.add(u8());
        }
        return versions;
    }

    private ByteString bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return ByteString.of(bytes);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private int u8() {
        return random.nextInt(0x100);
    }

    private int u16() {
        return random.nextInt(0x10000);
    }

    private long u32() {
        return random.nextLong() & 0xFFFF_FFFFL;
    }
}
