package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.device.DeviceResponder;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import java.lang.reflect.Method;

/**
 * A correct stack whose device oracle is broken: HostStack.responder answers every
 * GET_DEVICE_INTERFACE_STATE with CONFIG_UNLOCKED, whatever the device's state.
 */
public final class StuckOracleProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference with a stuck state oracle";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        Object value = proceed.call();
        return method.getName().equals("responder") ? stuck((DeviceResponder) value) : value;
    }

    private static DeviceResponder stuck(DeviceResponder real) {
        return (channel, message) -> real.exchange(channel, message).map(answer -> VendorDefinedMessage.decode(answer)
                .asOptional().filter(v -> v.protocol() == ProtocolId.TDISP)
                .flatMap(v -> TdispCodec.decode(v.body()).asOptional())
                .filter(DeviceInterfaceStateResponse.class::isInstance).map(DeviceInterfaceStateResponse.class::cast)
                .map(state -> VendorDefinedMessage.response(ProtocolId.TDISP,
                        new DeviceInterfaceStateResponse(state.header(), TdiState.CONFIG_UNLOCKED).encode()).encode())
                .orElse(answer));
    }
}
