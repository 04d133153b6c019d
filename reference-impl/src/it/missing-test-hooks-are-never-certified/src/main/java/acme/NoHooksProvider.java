package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.emu.ReferenceStackProvider;
import java.util.Set;

/** A correct stack that provides none of the kit's test hooks: what it did not let the kit test is not certified. */
public final class NoHooksProvider implements TsmStackProvider {

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "ACME stack without test hooks (correct reference)";
    }

    @Override
    public Capabilities capabilities() {
        Capabilities all = reference.capabilities();
        return new Capabilities(all.profiles(), all.maxDsms(), all.maxFunctionsPerDsm(), all.maxVfsPerDsm(), Set.of());
    }

    @Override
    public HostStack create(StackRequest request) {
        return reference.create(request);
    }
}
