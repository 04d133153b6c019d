package io.tsmtck.tck.catalogue;

import java.util.Locale;

/** How binding a rule is (RFC 2119). A failed MUST rule fails certification. */
public enum Level {
    MUST,
    SHOULD,
    MAY;

    /** The JUnit tag of tests of this level. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
