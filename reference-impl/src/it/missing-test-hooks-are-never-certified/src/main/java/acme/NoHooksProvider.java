package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.Capabilities;
import java.util.Set;

/** A correct stack that provides none of the kit's test hooks: what it did not let the kit test is not certified. */
public final class NoHooksProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "ACME stack without test hooks (correct reference)";
    }

    @Override
    public Capabilities capabilities() {
        Capabilities all = reference.capabilities();
        return new Capabilities(all.profiles(), all.maxDsms(), all.maxFunctionsPerDsm(), all.maxVfsPerDsm(), Set.of());
    }
}
