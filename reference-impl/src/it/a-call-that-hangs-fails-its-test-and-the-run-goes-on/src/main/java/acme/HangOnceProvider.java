package acme;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.emu.ReferenceStackProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** The correct reference, except that the first HostStack.kvm() of the run never returns and ignores interrupts. */
public final class HangOnceProvider implements TsmStackProvider {

    private static final AtomicBoolean HUNG = new AtomicBoolean();
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private final ReferenceStackProvider reference = new ReferenceStackProvider();

    @Override
    public String name() {
        return "reference whose first kvm() hangs";
    }

    @Override
    public Capabilities capabilities() {
        return reference.capabilities();
    }

    @Override
    public HostStack create(StackRequest request) {
        HostStack stack = reference.create(request);
        return (HostStack) Proxy.newProxyInstance(HostStack.class.getClassLoader(), new Class<?>[] {HostStack.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("kvm") && HUNG.compareAndSet(false, true)) {
                        while (true) {
                            try {
                                NEVER.await();
                            } catch (InterruptedException e) {
                                // ignores interrupts, as a stuck ioctl would
                            }
                        }
                    }
                    try {
                        return method.invoke(stack, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
