package acme;

import acme.wrap.FixedLab;

/** The fixed lab whose slot 2 stops answering at its third reset. */
public final class BrokenSlotLab extends FixedLab {

    @Override
    protected boolean failsReset(String name, int reset) {
        return name.contains("slot 2") && reset >= 3;
    }

    @Override
    public String name() {
        return "a fixed lab whose slot 2 cannot be reset after its second test";
    }
}
