package io.tsmtck.tck.device;

import io.tsmtck.api.topology.Bar;
import io.tsmtck.api.topology.FunctionRole;
import io.tsmtck.api.topology.PciAddress;
import io.tsmtck.api.topology.PciFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The functions of a device reached over a socket or DOE, as {@code tsm-tck.functions} lists them:
 * comma separated, PF0 first, each a BDF optionally followed by its BAR sizes
 * ({@code 0000:3b:00.0/bar0=1M/bar2=16K,0000:3b:00.1/bar0=64K}), so that the rules that read BAR
 * sizes run over a transport that cannot tell them. A size is bytes, hex ({@code 0x100000}) or with
 * K, M or G; a power of two of 4K or more.
 */
final class FunctionList {

    private static final String SYNTAX = "write BDFs, PF0 first, each optionally followed by /barN=SIZE"
            + " (e.g. 0000:3b:00.0/bar0=1M/bar2=16K,0000:3b:00.1)";

    private FunctionList() {
    }

    /** The functions {@code listed} names; {@code setting} names where it came from, for errors. */
    static List<PciFunction> parse(List<String> listed, String setting) {
        List<PciAddress> addresses = new ArrayList<>();
        List<List<Bar>> bars = new ArrayList<>();
        for (String entry : listed) {
            String[] parts = entry.trim().split("/");
            addresses.add(address(parts[0].trim(), setting));
            List<Bar> own = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                own.add(bar(parts[i].trim(), entry, setting));
            }
            own.sort((a, b) -> Integer.compare(a.index(), b.index()));
            bars.add(List.copyOf(own));
        }
        PciAddress dsm = addresses.get(0);
        List<PciFunction> functions = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            PciAddress address = addresses.get(i);
            FunctionRole role = address.equals(dsm) ? FunctionRole.DSM
                    : address.device() == dsm.device() ? FunctionRole.PF : FunctionRole.VF;
            functions.add(new PciFunction(address, role, dsm, bars.get(i)));
        }
        return functions;
    }

    static PciAddress address(String text, String setting) {
        try {
            return PciAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (in " + setting + "; " + SYNTAX + ")", e);
        }
    }

    private static Bar bar(String spec, String entry, String setting) {
        String lower = spec.toLowerCase(Locale.ROOT);
        int equals = lower.indexOf('=');
        if (!lower.startsWith("bar") || equals < 4) {
            throw new IllegalStateException("'" + spec + "' of '" + entry + "' in " + setting + " is not barN=SIZE; "
                    + SYNTAX);
        }
        try {
            return new Bar(Integer.parseInt(lower.substring(3, equals)), size(lower.substring(equals + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("'" + spec + "' of '" + entry + "' in " + setting + ": " + e.getMessage()
                    + "; " + SYNTAX, e);
        }
    }

    private static long size(String text) {
        long unit = switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String number = unit == 1 ? text : text.substring(0, text.length() - 1);
        return Long.decode(number) * unit;
    }
}
