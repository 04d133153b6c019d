package io.tsmtck.tck.binding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method as checking one clause of a Should rule of the catalogue. The rule id is the
 * only link between test and rule; the coverage audit checks that it exists and that its level is
 * Should.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("should")
@ExtendWith(RuleExtension.class)
public @interface Should {

    /** The rule id, for example {@code "TDISP-04"}. */
    String value();
}
