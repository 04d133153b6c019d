package io.tsmtck.tck.device;

import io.tsmtck.api.device.DeviceControl;
import io.tsmtck.api.device.DeviceUnderTest;
import io.tsmtck.api.device.DoeMailbox;
import io.tsmtck.api.spdm.DoeObject;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciFunction;
import io.tsmtck.api.topology.TopologyRequest;
import io.tsmtck.tck.binding.RuleContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real device that every test shares: its mailbox is opened at first use and kept for the run;
 * a test's {@link DeviceUnderTest} is a view whose close leaves the mailbox open, unless the
 * transport failed during the test, in which case the mailbox is closed and opened anew for the
 * next one (a socket whose framing went wrong cannot be trusted again).
 */
final class SharedDevice implements DeviceSource {

    /** Opens the device's mailbox. */
    interface Opener {
        DoeMailbox open() throws IOException;
    }

    private final String address;
    private final Opener opener;
    private final List<PciFunction> functions;
    private final Optional<DeviceControl> rig;
    private DoeMailbox mailbox;

    SharedDevice(String address, Opener opener, List<PciFunction> functions, Optional<DeviceControl> rig) {
        this.address = address;
        this.opener = opener;
        this.functions = List.copyOf(functions);
        this.rig = rig;
    }

    @Override
    public String describe() {
        return address;
    }

    @Override
    public TopologyRequest largest() {
        int pfs = (int) functions.stream().filter(f -> f.role() != FunctionRole.VF).count();
        return new TopologyRequest(1, pfs, functions.size() - pfs, List.of(4096L)); // BAR sizes: the test's own
    }

    @Override
    public boolean fresh() {
        return false;
    }

    @Override
    public synchronized DeviceUnderTest open(TopologyRequest wanted) throws IOException {
        if (mailbox == null) {
            mailbox = opener.open();
        }
        return new View(mailbox);
    }

    @Override
    public synchronized void closeAll() {
        drop();
    }

    private synchronized void failed(DoeMailbox broken) {
        if (mailbox == broken) {
            drop();
        }
    }

    private void drop() {
        if (mailbox != null) {
            try {
                mailbox.close();
            } catch (IOException e) {
                System.err.println("[tsm-tck] closing the mailbox of " + address + ": " + e.getMessage());
            }
            mailbox = null;
        }
    }

    /**
     * One test's use of the shared mailbox. A test abandoned at its timeout is closed while its thread
     * still waits in an exchange: that mailbox is dropped too (closing it ends the wait), so that the
     * next test does not read the abandoned test's answer, nor wait behind it.
     */
    private final class View implements DeviceUnderTest, DoeMailbox {
        private final DoeMailbox shared;
        private volatile boolean broken;
        private final AtomicInteger inFlight = new AtomicInteger();

        View(DoeMailbox shared) {
            this.shared = shared;
        }

        @Override
        public String transport() {
            return address;
        }

        @Override
        public DoeMailbox mailbox() {
            return this;
        }

        @Override
        public List<PciFunction> functions() {
            return functions;
        }

        @Override
        public Optional<DeviceControl> control() {
            return rig;
        }

        @Override
        public Optional<DoeObject> exchange(DoeObject request) throws IOException {
            inFlight.incrementAndGet();
            try (RuleContext.Waiting waiting = RuleContext.waitingOn("the answer of " + address + " to the DOE object "
                    + request.encode().hex())) {
                return shared.exchange(request);
            } catch (IOException e) {
                broken = true;
                throw e;
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void close() {
            if (broken || inFlight.get() > 0) {
                failed(shared);
            }
        }
    }
}
