package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.TdiProbe;
import io.tsmtck.api.tdisp.TdiState;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * A correct stack whose device oracle is broken: its TdiProbe reports CONFIG_UNLOCKED for every
 * TDI, whatever the device's state.
 */
public final class StuckOracleProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference with a stuck state oracle";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        Object value = proceed.call();
        if (method.getName().equals("tdiProbe")) {
            TdiProbe stuck = function -> TdiState.CONFIG_UNLOCKED;
            return Optional.of(stuck);
        }
        return value;
    }
}
