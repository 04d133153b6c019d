package io.tsmtck.tck.audit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** The kit's test methods, as the JUnit Platform discovers them (nothing is executed). */
final class KitTestPlan {

    static final String TESTS_PACKAGE = "io.tsmtck.tck.tests";

    private KitTestPlan() {
    }

    /** Every test method (plain or parameterized) of the kit. */
    static List<Method> methods() {
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
