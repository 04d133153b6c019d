/**
 * The kit's configuration as the tests read it: system properties and environment variables with their
 * defaults ({@code KitConfig}; every setting is listed in docs/configuration.md).
 */
package io.tsmtck.tck.config;
