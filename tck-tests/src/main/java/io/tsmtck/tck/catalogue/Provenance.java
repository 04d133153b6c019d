package io.tsmtck.tck.catalogue;

/**
 * What kind of source a rule rests on, strongest first: a reviewer weighs a rule by it, and a run
 * can be limited to rules of some kinds. Where a rule cites several, it is the weakest its claim
 * needs (a rule on mainline code that a posted series extends is SERIES).
 */
public enum Provenance {
    /** The PCIe Base specification (the TDISP and IDE chapters). */
    PCIE("PCIe Base specification"),
    /** A DMTF specification (DSP0274 SPDM, DSP0277 secured messages). */
    DMTF("DMTF specification"),
    /** Code in mainline Linux (file and function named). */
    MAINLINE("mainline Linux"),
    /** A kernel series posted to a list or queued in a maintainer tree, not yet in mainline. */
    SERIES("posted kernel series"),
    /** A design stated on a mailing list (speaker and quoted line named). */
    PROPOSAL("mailing-list proposal"),
    /** The kit's own SPI contract, which an adapter of a real stack takes on. */
    KIT("the kit's SPI contract");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    /** How reports name it. */
    public String label() {
        return label;
    }
}
