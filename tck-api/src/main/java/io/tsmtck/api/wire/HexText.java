package io.tsmtck.api.wire;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The text of a message record with its numbers in hex, as the specifications write them:
 * {@code KeyExchange[version=0x12, measurementSummaryType=0x0, slot=0x0, ...]}.
 */
public final class HexText {

    private HexText() {
    }

    /** {@code record}'s components, integers in hex and byte strings as their hex. */
    public static String of(Record record) {
        StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
        RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(components[i].getName()).append('=').append(value(component(record, components[i])));
        }
        return text.append(']').toString();
    }

    private static Object component(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }

    private static String value(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return "0x" + Long.toHexString(((Number) value).longValue()).toUpperCase(java.util.Locale.ROOT);
        }
        if (value instanceof ByteString bytes) {
            return bytes.size() == 0 ? "(none)" : bytes.hex();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(HexText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
