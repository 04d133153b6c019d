package acme;

import acme.wrap.ReferenceWrapper;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The correct reference, except that every stack opens its "firmware", a file named like a jar in
 * the temp directory, and never closes it: one leaked file descriptor per stack, which a leak
 * check that leaves out files by name would never see.
 */
public final class JarNamedLeakProvider extends ReferenceWrapper {

    private static final List<FileInputStream> LEAKED = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "reference leaking a *.jar file descriptor per stack";
    }

    @Override
    public HostStack create(StackRequest request) {
        try {
            Path firmware = Files.createTempFile("acme-firmware", ".jar");
            firmware.toFile().deleteOnExit();
            LEAKED.add(new FileInputStream(firmware.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return super.create(request);
    }
}
