package io.tsmtck.tck.assertions;

import io.tsmtck.api.dmabuf.DmaBuf;
import io.tsmtck.api.dmabuf.DmaBufAttachment;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.vm.VmId;
import io.tsmtck.tck.binding.TdiSubject;
import io.tsmtck.tck.device.SpdmAnswer;
import io.tsmtck.tck.device.TdispAnswer;
import io.tsmtck.tck.host.HostSut;
import java.util.Optional;
import org.assertj.core.api.Assertions;

/**
 * The entry point of the kit's AssertJ domain assertions, for the kit's tests and for vendors'
 * own: {@code assertThat(result).isRefusedWith(EBUSY)}, {@code assertThat(sut, tdi).isInState(
 * CONFIG_LOCKED)}. Failures name the rule under test, the subject, expected and actual, and what to
 * check.
 */
public class KitAssertions extends Assertions {

    /** Assertions on an operation's result. */
    public static <T> ResultAssert<T> assertThat(Result<T> actual) {
        return new ResultAssert<>(actual);
    }

    /** Assertions on the TDI of {@code function}, read from the device of {@code sut}. */
    public static TdiAssert assertThat(TdiSubject sut, PciFunction function) {
        return new TdiAssert(sut, function);
    }

    /** What a device answered to an SPDM request of the kit's own. */
    public static SpdmAnswerAssert assertThat(SpdmAnswer actual) {
        return new SpdmAnswerAssert(actual);
    }

    /** Assertions on a device's answer. */
    public static TdispAnswerAssert assertThat(TdispAnswer actual) {
        return new TdispAnswerAssert(actual);
    }

    /** Assertions on {@code actual}, described as {@code subject} in failures. */
    public static <T> SubjectAssert<T> assertThat(String subject, T actual) {
        return new SubjectAssert<>(subject, actual);
    }

    /** Assertions on a dma-buf. */
    public static DmaBufAssert assertThat(DmaBuf actual) {
        return new DmaBufAssert(actual);
    }

    /** A VM of {@code sut}'s stack: alive or freed (the VM_LIFETIME test hook). */
    public static VmAssert assertThat(HostSut sut, VmId vm) {
        return new VmAssert(sut, vm);
    }

    /** An importer's attachment of a dma-buf of {@code sut}'s stack: mapped or unmapped (the DMABUF_MAPPING hook). */
    public static MappingAssert assertThat(HostSut sut, DmaBufAttachment attachment) {
        return new MappingAssert(sut, attachment);
    }

    /**
     * What {@code link} ("tsm/bound of 0000:3a:00.0", "tsm/connect of ...") names: {@code tsm}, the TSM the
     * core's sysfs read gave, or none.
     */
    public static TsmLinkAssert assertThatLink(String link, Optional<String> tsm) {
        return new TsmLinkAssert(link, tsm);
    }
}
