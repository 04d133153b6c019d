package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.api.TsmStackProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/linux-adapter.md stays true to the host SPI: every method of every SPI interface reachable
 * from {@link TsmStackProvider} (through return types, their type arguments and parameters) has a
 * row, and every row names a method the SPI has.
 */
class LinuxAdapterGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "linux-adapter.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)\\.([A-Za-z]+)` \\|", Pattern.MULTILINE);
    private static final String API = "io.tsmtck.api.";

    /** "Interface.method" for every abstract or default method of the host SPI's interfaces. */
    static Set<String> spiMethods() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(Set.of(TsmStackProvider.class));
        Set<String> methods = new TreeSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                methods.add(type.getSimpleName() + "." + method.getName());
                reach(method.getGenericReturnType(), todo);
                for (Type parameter : method.getGenericParameterTypes()) {
                    reach(parameter, todo);
                }
            }
        }
        return methods;
    }

    private static void reach(Type type, Deque<Class<?>> todo) {
        if (type instanceof ParameterizedType parameterized) {
            reach(parameterized.getRawType(), todo);
            for (Type argument : parameterized.getActualTypeArguments()) {
                reach(argument, todo);
            }
        } else if (type instanceof Class<?> c && c.isInterface() && !c.isSealed() && c.getName().startsWith(API)
                && !c.getName().startsWith(API + "device.")) {
            todo.add(c);
        }
    }

    private static Set<String> rows() throws IOException {
        Matcher matcher = ROW.matcher(Files.readString(GUIDE));
        Set<String> rows = new TreeSet<>();
        while (matcher.find()) {
            rows.add(matcher.group(1) + "." + matcher.group(2));
        }
        return rows;
    }

    @Test
    void everySpiMethodHasARow() throws IOException {
        Set<String> missing = new TreeSet<>(spiMethods());
        missing.removeAll(rows());

        assertThat(missing).as("host SPI methods without a row in %s (add the uAPI call, the kernel function and"
                + " the status)", GUIDE).isEmpty();
    }

    @Test
    void everyRowNamesAnSpiMethod() throws IOException {
        Set<String> stale = new TreeSet<>(rows());
        stale.removeAll(spiMethods());

        assertThat(stale).as("rows of %s that name no host SPI method (remove or rename them)", GUIDE).isEmpty();
    }

    @Test
    void theWalkReachesEveryLayer() {
        assertThat(spiMethods()).as("methods the walk finds").contains("HostStack.tdiProbe", "TdiProbe.state",
                "VfioCdev.bindIommufd", "DmaBufAttachment.isMapped", "TsmFunctionOps.bind", "Iommufd.tsmRequest",
                "Kvm.isAlive", "Vm.close", "ConfigSpace.write", "Mmap.access");
    }
}
