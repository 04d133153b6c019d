/**
 * Inventory mode: the host kit on a provider's fixed devices instead of stacks it builds; which
 * device each test gets, the reset contract between tests, and the devices taken out of the run.
 */
package io.tsmtck.tck.host.inventory;
