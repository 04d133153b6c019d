package io.tsmtck.emu.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.emu.faults.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reference reads as the model: every fault changes the correct code only through one of
 * FaultPlan's point calls ({@code check}, {@code step}, {@code value}, {@code inject}) naming it, so a
 * reader sees the correct code as the call's argument and every defect at the place it breaks.
 */
class FaultPointsTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path FAULT_ENUM = SOURCES.resolve(Path.of("io", "tsmtck", "emu", "faults", "Fault.java"));
    private static final Pattern MENTION = Pattern.compile("Fault\\.([A-Z][A-Z0-9_]+)");
    private static final Pattern POINT = Pattern.compile("\\.(check|step|value|inject)\\(Fault\\.([A-Z][A-Z0-9_]+)");
    /** An inject point up to its open argument list: {@code .inject(Fault.X}. */
    private static final Pattern INJECT = Pattern.compile("\\.inject\\(Fault\\.([A-Z][A-Z0-9_]+)");
    /** Faults that move a step: the wrong place injects it, the right place omits it. */
    private static final int MAX_POINTS = 2;

    @Test
    void everyFaultIsNamedOnlyAtItsPoints() {
        Map<Fault, List<String>> points = new EnumMap<>(Fault.class);
        List<String> elsewhere = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = SOURCES.relativize(file) + ":" + (i + 1);
                Matcher point = POINT.matcher(line);
                int pointCount = 0;
                while (point.find()) {
                    points.computeIfAbsent(Fault.valueOf(point.group(2)), f -> new ArrayList<>()).add(where);
                    pointCount++;
                }
                Matcher mention = MENTION.matcher(line);
                int mentions = 0;
                while (mention.find()) {
                    mentions++;
                }
                if (mentions > pointCount) {
                    elsewhere.add(where + ": " + line.trim());
                }
            }
        }

        assertThat(elsewhere).as("faults used outside a fault point (FaultPlan.check/step/value/inject)").isEmpty();
        assertThat(Stream.of(Fault.values()).filter(f -> !points.containsKey(f)))
                .as("faults with no fault point in the reference: dead switches").isEmpty();
        assertThat(points.entrySet().stream().filter(e -> e.getValue().size() > MAX_POINTS)
                .map(e -> e.getKey() + " at " + e.getValue()))
                .as("faults spread over more than " + MAX_POINTS + " points").isEmpty();
    }

    /**
     * A fault added as wrong behaviour ({@code inject}) stands alone, as the kernel's should_fail():
     * {@code if (faults.inject(F)) return wrong;}, or {@code faults.inject(F, where)} for the situation
     * it acts in. Negated, or combined with {@code &&}, {@code ||} or {@code ?} into a condition, it
     * would make the correct code readable only with the fault in mind: such a fault is a
     * {@code check} (the correct condition it removes), a {@code value} (the correct value and the
     * wrong one) or a {@code step} (the correct step it omits).
     */
    @Test
    void everyInjectedFaultStandsAlone() {
        List<String> combined = new ArrayList<>();
        for (Path file : sources()) {
            String text = String.join("\n", read(file));
            Matcher inject = INJECT.matcher(text);
            while (inject.find()) {
                String before = text.substring(0, receiverStart(text, inject.start())).stripTrailing();
                String after = text.substring(callEnd(text, inject.end())).stripLeading();
                String how = before.endsWith("!") ? "negated" : before.endsWith("&&") || before.endsWith("||")
                        ? "after " + before.substring(before.length() - 2) : after.startsWith("&&")
                        || after.startsWith("||") ? "before " + after.substring(0, 2) : after.startsWith("?")
                        ? "a ternary's condition" : "";
                if (!how.isEmpty()) {
                    int line = (int) text.substring(0, inject.start()).chars().filter(c -> c == '\n').count() + 1;
                    combined.add(SOURCES.relativize(file) + ":" + line + " " + inject.group(1) + ": " + how);
                }
            }
        }

        assertThat(combined).as("inject points negated or combined into a condition (write them as check, value,"
                + " step, or inject(F, where))").isEmpty();
    }

    /** Where the receiver of the call whose name starts at {@code call} begins ({@code context.faults()}). */
    private static int receiverStart(String text, int call) {
        int start = call;
        while (start > 0 && (Character.isJavaIdentifierPart(text.charAt(start - 1)) || ".()".indexOf(
                text.charAt(start - 1)) >= 0)) {
            start--;
        }
        return start;
    }

    /** Just past the parenthesis that closes the call whose argument list is open at {@code open}. */
    private static int callEnd(String text, int open) {
        int depth = 1;
        int at = open;
        while (depth > 0) {
            char c = text.charAt(at++);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return at;
    }

    private static List<Path> sources() {
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            return walk.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.equals(FAULT_ENUM)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + SOURCES.toAbsolutePath(), e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
