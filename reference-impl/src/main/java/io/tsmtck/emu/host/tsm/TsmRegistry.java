package io.tsmtck.emu.host.tsm;

import io.tsmtck.api.errno.Done;
import io.tsmtck.api.errno.Errno;
import io.tsmtck.api.errno.Result;
import io.tsmtck.api.tsm.TsmLifecycle;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The TSM drivers loaded now (drivers/pci/tsm.c pci_tsm_register(), pci_tsm_unregister()): which
 * TSMs a connect can name, and whether the {@code tsm/} attributes show at all.
 */
final class TsmRegistry implements TsmLifecycle {

    private final List<String> all;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Consumer<String> tearDown;

    /** Every TSM of {@code all} registered; {@code tearDown} destroys the contexts a departing TSM holds. */
    TsmRegistry(List<String> all, Consumer<String> tearDown) {
        this.all = List.copyOf(all);
        this.tearDown = tearDown;
        registered.addAll(all);
    }

    boolean isRegistered(String tsmName) {
        return registered.contains(tsmName);
    }

    /** Whether no link TSM is registered, so that pci_tsm_link_group_visible() hides the tsm/ group. */
    boolean noneRegistered() {
        return registered.isEmpty();
    }

    /** The registered TSMs, in the topology's order. */
    List<String> registered() {
        return all.stream().filter(registered::contains).toList();
    }

    @Override
    public Result<Done> unregister(String tsmName) {
        if (!registered.remove(tsmName)) {
            return Result.refused(Errno.ENOENT, "no TSM " + tsmName + " is registered");
        }
        tearDown.accept(tsmName);
        return Result.done();
    }

    @Override
    public Result<Done> register(String tsmName) {
        if (!all.contains(tsmName)) {
            return Result.refused(Errno.EINVAL, "this host has no TSM driver for " + tsmName);
        }
        return registered.add(tsmName) ? Result.done() : Result.refused(Errno.EEXIST, tsmName + " is registered");
    }
}
