package io.tsmtck.tck.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsmtck.api.Capabilities;
import io.tsmtck.api.HostStack;
import io.tsmtck.api.StackRequest;
import io.tsmtck.api.TsmStackProvider;
import io.tsmtck.api.VendorProfile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the implementation: exactly one provider, or an error that says what to do. */
class ImplementationLookupTest {

    /** A provider for the look-up tests. */
    public static final class First implements TsmStackProvider {
        @Override
        public String name() {
            return "first";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(Set.of(VendorProfile.GENERIC_LINK), 1, 1, 0, Set.of());
        }

        @Override
        public HostStack create(StackRequest request) {
            throw new UnsupportedOperationException("not built in look-up tests");
        }
    }

    /** A second provider. */
    public static final class Second implements TsmStackProvider {
        @Override
        public String name() {
            return "second";
        }

        @Override
        public Capabilities capabilities() {
            return new First().capabilities();
        }

        @Override
        public HostStack create(StackRequest request) {
            throw new UnsupportedOperationException("not built in look-up tests");
        }
    }

    /** A provider whose constructor throws. */
    public static final class Throwing implements TsmStackProvider {
        public Throwing() {
            throw new IllegalStateException("no firmware found");
        }

        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public Capabilities capabilities() {
            return new First().capabilities();
        }

        @Override
        public HostStack create(StackRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private static ClassLoader withServices(Path directory, String... providers) throws IOException {
        Path services = directory.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TsmStackProvider.class.getName()), String.join("\n", providers));
        return new URLClassLoader(new URL[] {directory.toUri().toURL()}, ImplementationLookupTest.class.getClassLoader());
    }

    @Test
    void exactlyOneProviderIsFound(@TempDir Path directory) throws IOException {
        assertThat(Implementation.load(withServices(directory, First.class.getName())).name()).isEqualTo("first");
    }

    @Test
    void noProviderSaysHowToAddOne(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> Implementation.load(withServices(directory)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No io.tsmtck.api.TsmStackProvider on the classpath")
                .hasMessageContaining("META-INF/services/io.tsmtck.api.TsmStackProvider");
    }

    @Test
    void twoProvidersAreNamedBoth(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> Implementation.load(withServices(directory, First.class.getName(),
                Second.class.getName())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("More than one")
                .hasMessageContaining(First.class.getName()).hasMessageContaining(Second.class.getName());
    }

    @Test
    void twoProvidersTellHowToChooseAndTheChosenOneIsTheOnlyOneBuilt(@TempDir Path directory) throws IOException {
        ClassLoader loader = withServices(directory, Throwing.class.getName(), Second.class.getName());

        assertThatThrownBy(() -> Implementation.load(loader)).hasMessageContaining(Implementation.PROVIDER + "=<class>");
        assertThat(Implementation.load(loader, Optional.of(Second.class.getName())).name())
                .as("the throwing provider is listed first but never constructed").isEqualTo("second");
    }

    @Test
    void aChosenProviderThatIsNotListedIsNamedWithTheListedOnes(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> Implementation.load(withServices(directory, First.class.getName()),
                Optional.of("acme.Missing")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acme.Missing").hasMessageContaining(First.class.getName());
    }

    @Test
    void aProviderThatThrowsIsAServiceErrorCarryingItsCause(@TempDir Path directory) throws IOException {
        assertThatThrownBy(() -> Implementation.load(withServices(directory, Throwing.class.getName())))
                .isInstanceOf(ServiceConfigurationError.class)
                .hasRootCauseMessage("no firmware found");
    }
}
