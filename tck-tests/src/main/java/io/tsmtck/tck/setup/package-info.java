/**
 * Set-up steps and their failures: a step the kit could not take ends the test NOT_TESTED naming it
 * ({@code Setup}, {@code SetupFailure}); waiting on conditions with the configured timeouts, never on the clock
 * alone ({@code Await}); calls bounded outside a timed test body ({@code BoundedCall}); and what a test needs to
 * see an implementation leak or hang ({@code TwoThreads}, {@code ProcessResources}).
 */
package io.tsmtck.tck.setup;
