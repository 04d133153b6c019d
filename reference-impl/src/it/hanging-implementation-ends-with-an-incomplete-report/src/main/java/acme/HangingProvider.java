package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** An implementation whose stacks never come up: every create() blocks. */
public final class HangingProvider implements TsmStackProvider {

    private final CountDownLatch never = new CountDownLatch(1);

    @Override
    public String name() {
        return "hanging";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(Set.of(VendorProfile.GENERIC_LINK), 1, 1, 0, Set.of());
    }

    @Override
    public HostStack create(StackRequest request) {
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // a hanging implementation ignores interrupts too
            }
        }
    }
}
