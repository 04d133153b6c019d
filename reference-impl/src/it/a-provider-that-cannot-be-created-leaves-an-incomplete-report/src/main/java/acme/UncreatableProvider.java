package acme;

import acme.wrap.ReferenceWrapper;

/** A provider whose constructor fails, as one does on a host without its kernel interface. */
public final class UncreatableProvider extends ReferenceWrapper {

    public UncreatableProvider() {
        throw new IllegalStateException("/dev/tsm is missing on this host");
    }

    @Override
    public String name() {
        return "never created";
    }
}
