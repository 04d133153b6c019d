package io.tsmtck.api;

/**
 * The entry point of an implementation under test, found with {@link java.util.ServiceLoader}: a
 * jar lists its class in {@code META-INF/services/io.tsmtck.api.TsmStackProvider}. The kit
 * requires exactly one provider on the classpath.
 *
 * <p>A provider needs a public no-argument constructor and must be cheap to construct; real work
 * happens in {@link #create}. It is used from several threads at once.
 */
public interface TsmStackProvider {

    /** A name for reports ("reference emulator", "ACME TDX Connect host stack 1.2"). */
    String name();

    /** What this provider can build. Constant for the provider's life. */
    Capabilities capabilities();

    /**
     * Builds a fresh, isolated stack for one test. The kit only asks for what
     * {@link #capabilities()} supports.
     *
     * @throws IllegalArgumentException if the request is outside the declared capabilities
     */
    HostStack create(StackRequest request);
}
