package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.Capabilities;

/** The correct reference, except that capabilities() ends the JVM with status 2, the kit's own "could not run". */
public final class ExitInCapabilitiesProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference whose capabilities() calls System.exit(2)";
    }

    @Override
    public Capabilities capabilities() {
        System.exit(2);
        return super.capabilities();
    }
}
