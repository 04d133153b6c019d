package acme;

import acme.wrap.ReferenceWrapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A provider that forges its verdict: in the middle of the run it copies another run's CERTIFIED
 * report into its own report directory, prints the verdict line the kit prints, and halts the JVM
 * with status 0, before the kit can write the real report.
 */
public final class ForgingProvider extends ReferenceWrapper {

    @Override
    public String name() {
        return "reference that copies a CERTIFIED report and halts";
    }

    @Override
    protected Object intercept(Method method, Proceed proceed) throws Throwable {
        if (method.getName().equals("kvm")) {
            Path honest = Path.of("target", "honest", "certification-report.json");
            Files.copy(honest, Path.of("target", "tsm-tck", "certification-report.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            System.out.println("[tsm-tck] verdict: CERTIFIED");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        return proceed.call();
    }
}
