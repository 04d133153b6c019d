package io.tsmtck.api.tdisp;

/**
 * One MMIO range of the interface report (PCIe Base 6.x 11.3.11, table 11-15): FIRST_PAGE u64,
 * NUMBER_OF_PAGES u32 (4 KiB pages), ATTR u16, RANGE_ID u16 (0-7 are BAR indexes).
 *
 * <p>Whether FIRST_PAGE is the byte address of the first page (libspdm's reading) or a page
 * number (AMD SEV-TIO guest code's reading) is not settled; this record carries the raw value and
 * the kit accepts either reading as long as a report uses one of them consistently.
 *
 * @param firstPage FIRST_PAGE, with the lock's MMIO_REPORTING_OFFSET applied
 * @param numberOfPages NUMBER_OF_PAGES
 * @param attributes ATTR (bits 15:4 reserved)
 * @param rangeId RANGE_ID
 */
public record MmioRange(long firstPage, long numberOfPages, int attributes, int rangeId) {

    /** ATTR bit 0: the range holds the MSI-X table. */
    public static final int ATTR_MSIX_TABLE = 1;
    /** ATTR bit 1: the range holds the MSI-X PBA. */
    public static final int ATTR_MSIX_PBA = 1 << 1;
    /** ATTR bit 2: the range is not TEE memory. */
    public static final int ATTR_IS_NON_TEE_MEM = 1 << 2;
    /** ATTR bit 3: the range's attributes may be changed by SET_MMIO_ATTRIBUTE_REQUEST. */
    public static final int ATTR_IS_MEM_ATTR_UPDATABLE = 1 << 3;
    /** ATTR bits 15:4. */
    public static final int ATTR_RESERVED_MASK = 0xFFF0;

    /** Wire length of one range. */
    public static final int LENGTH = 16;

    /** Size of the pages NUMBER_OF_PAGES counts. */
    public static final long PAGE_SIZE = 4096;

    public MmioRange {
        Fields.checkU32("numberOfPages", numberOfPages);
        Fields.checkU16("attributes", attributes);
        Fields.checkU16("rangeId", rangeId);
    }

    /** Length of the range in bytes. */
    public long byteLength() {
        return numberOfPages * PAGE_SIZE;
    }
}
