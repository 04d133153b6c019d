package io.tsmtck.tck.tests.tsm;

import static io.tsmtck.tck.assertions.KitAssertions.assertThat;

import io.tsmtck.api.VendorProfile;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.tsm.TsmContextState;
import io.tsmtck.tck.binding.Applicability;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.host.HostSut;
import io.tsmtck.tck.host.Suts;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules that hold for one vendor profile only. */
@Tag("area-tsm")
class VendorProfileTest {

    static Stream<HostSut> amdWithSubfunctions() {
        return Suts.specs(Suts.WITH_SUBFUNCTIONS).filter(spec -> spec.profile() == VendorProfile.AMD_SEV_TIO)
                .map(HostSut::new);
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("amdWithSubfunctions")
    @Must("TSM-19")
    void onlyPf0GetsAContextInSevTio(HostSut sut) {
        Applicability.requireSubfunctions(sut);
        sut.connect();

        List<String> withContext = sut.dsm().functions().stream()
                .filter(f -> f.role() != FunctionRole.DSM)
                .filter(f -> sut.stack().tsm().state(f.address()) != TsmContextState.NONE)
                .map(PciFunction::address).map(Object::toString).collect(Collectors.toList());
        assertThat("sub-functions with a TSM context after connect", withContext).is(List.of());
    }
}
