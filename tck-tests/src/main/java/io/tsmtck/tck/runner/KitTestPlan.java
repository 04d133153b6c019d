package io.tsmtck.tck.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.tsmtck.tck.binding.RuleExtension;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The kit's test methods, as the JUnit Platform discovers them (nothing is executed). */
public final class KitTestPlan {

    /** The package the kit's tests are in. */
    public static final String TESTS_PACKAGE = "io.tsmtck.tck.tests";

    private KitTestPlan() {
    }

    /**
     * The test methods of each rule, by the rule's id, each named {@code area/Class.method} as a reader finds it
     * under {@code tck-tests/src/main/java/io/tsmtck/tck/tests/}.
     */
    public static Map<String, List<String>> byRule() {
        Map<String, List<String>> tests = new TreeMap<>();
        for (Method method : methods()) {
            RuleExtension.citedId(method).ifPresent(id -> tests.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(method.getDeclaringClass().getName().substring(TESTS_PACKAGE.length() + 1).replace('.', '/')
                            + "." + method.getName()));
        }
        return tests;
    }

    /** Every test method (plain or parameterized) of the kit. */
    public static List<Method> methods() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(TESTS_PACKAGE)).build();
        TestPlan plan = LauncherFactory.create().discover(request);
        List<Method> methods = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            collect(plan, root, methods);
        }
        return methods;
    }

    private static void collect(TestPlan plan, TestIdentifier node, List<Method> methods) {
        node.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod).ifPresent(methods::add);
        plan.getChildren(node).forEach(child -> collect(plan, child, methods));
    }
}
