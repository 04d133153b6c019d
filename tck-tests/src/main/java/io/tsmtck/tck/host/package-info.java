/**
 * The host kit's subject: a host stack built by the implementation's provider ({@code HostSut}, {@code Suts},
 * {@code StackPool}, {@code StackSpec}, {@code Implementation}), the cases each test runs over ({@code Cases}), an
 * assignment driven through the SPI as a VMM would ({@code Assignment}), and the test hooks read only after the
 * uAPI's clauses ({@code Importers}, {@code Vms}, {@code ViommuTypes}, {@code FailNthSweep}).
 */
package io.tsmtck.tck.host;
