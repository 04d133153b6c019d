package io.tsmtck.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an SPI method whose kernel interface is not in mainline: a stack that does not declare the
 * extension in its {@link UapiLevel} is never asked for it, and a rule whose tests call it names
 * the extension (the kit checks both as it calls).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Extension {
    /** The extension the method's interface comes from. */
    UapiExtension value();
}
