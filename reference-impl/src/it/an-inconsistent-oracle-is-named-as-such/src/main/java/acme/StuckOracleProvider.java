package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.device.DeviceResponder;
import io.tsmtck.api.spdm.ProtocolId;
import io.tsmtck.api.spdm.VendorDefinedMessage;
import io.tsmtck.api.tdisp.DeviceInterfaceStateResponse;
import io.tsmtck.api.tdisp.TdiState;
import io.tsmtck.api.tdisp.TdispCodec;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * A correct stack whose device oracle is broken: HostStack.responder answers every
 * GET_DEVICE_INTERFACE_STATE with CONFIG_UNLOCKED, whatever the device's state.
 */
public final class StuckOracleProvider implements TsmStackProvider {

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "reference with a stuck state oracle";
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        HostStack stack = reference.create(request);
        return (HostStack) Proxy.newProxyInstance(HostStack.class.getClassLoader(), new Class<?>[] {HostStack.class},
                (proxy, method, args) -> {
                    try {
                        Object value = method.invoke(stack, args);
                        return method.getName().equals("responder") ? stuck((DeviceResponder) value) : value;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
