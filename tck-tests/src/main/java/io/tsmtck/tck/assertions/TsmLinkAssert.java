package io.tsmtck.tck.assertions;

import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a function's tsm/connect or tsm/bound names, as the PCI/TSM core shows it in sysfs: a TSM by
 * name, or none. An empty link and one naming another TSM fail with messages of their own.
 */
public final class TsmLinkAssert extends AbstractAssert<TsmLinkAssert, Optional<String>> {

    private final String link;

    TsmLinkAssert(String link, Optional<String> tsm) {
        super(tsm, TsmLinkAssert.class);
        this.link = link;
    }

    /** The link names {@code tsm}. */
    public TsmLinkAssert namesTsm(String tsm) {
        isNotNull();
        if (!actual.equals(Optional.of(tsm))) {
            String found = actual.map(other -> "names " + other + ", another TSM").orElse("names no TSM");
            failWithActualExpectedAndMessage(found, "names " + tsm, Failures.message(subject(), "names " + tsm, found));
        }
        return this;
    }

    /** The link names no TSM. */
    public TsmLinkAssert namesNoTsm() {
        isNotNull();
        if (actual.isPresent()) {
            String found = "names " + actual.get();
            failWithActualExpectedAndMessage(found, "names no TSM", Failures.message(subject(), "names no TSM", found));
        }
        return this;
    }

    private String subject() {
        return link + (descriptionText().isEmpty() ? "" : " (" + descriptionText() + ")");
    }
}
