package io.tsmtck.tck.binding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SPI calls that hung in this run: a call still running when its test timed out. A call that
 * hung once may have met one bad state, so the next test makes it again; a call that hung twice
 * is not made again in the run: each later test that needs it ends NOT_TESTED at once, "blocked
 * by: &lt;call&gt; hung in &lt;tests&gt;", instead of waiting out its own timeout. So a bind that
 * always hangs costs two test timeouts, not one per test, and the run fits its timeout; the two
 * tests it hung in fail, naming it. This holds whether or not the provider's stacks share state:
 * a stack that is fresh does not make the implementation's code path another one.
 */
public final class HungCalls {

    /** How many hangs of one call block it for the rest of the run. */
    public static final int BLOCK_AFTER = 2;

    private final Map<String, List<String>> hangs = new ConcurrentHashMap<>();

    /** Records that {@code call} ("Iommufd.tsmOp(...)") was running when {@code test} timed out. */
    void hung(String call, String test) {
        hangs.computeIfAbsent(method(call), key -> new CopyOnWriteArrayList<>()).add(test);
    }

    /** Why {@code call} is not to be made again, if it hung {@value #BLOCK_AFTER} times already. */
    public Optional<String> blocked(String call) {
        List<String> tests = hangs.getOrDefault(method(call), List.of());
        return tests.size() >= BLOCK_AFTER ? Optional.of(method(call) + " hung in " + String.join(" and in ", tests))
                : Optional.empty();
    }

    /** "Iommufd.tsmOp" of "Iommufd.tsmOp(BIND, ...)". */
    private static String method(String call) {
        int paren = call.indexOf('(');
        return paren < 0 ? call : call.substring(0, paren);
    }
}
