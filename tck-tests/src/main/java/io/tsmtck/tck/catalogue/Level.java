package io.tsmtck.tck.catalogue;

/** How binding a rule is (RFC 2119). A failed MUST rule fails certification. */
public enum Level {
    MUST,
    SHOULD,
    MAY;

    /** The JUnit tag of tests of this level. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
