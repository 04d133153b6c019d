package io.tsmtck.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kernel uAPI a host stack implements: mainline Linux of a release, plus the posted series and
 * proposals it carries. Rules that need an extension the level lacks are NOT_APPLICABLE, and the
 * certificate says what it covers ("mainline 6.19 + iommufd TSM v5").
 *
 * @param kernel the mainline release the stack is built on ("6.19"; empty when unstated)
 * @param extensions what it implements beyond mainline
 */
public record UapiLevel(String kernel, Set<UapiExtension> extensions) {

    /** Mainline of an unstated release, nothing more: what a provider that declares no level gets. */
    public static final UapiLevel MAINLINE = new UapiLevel("", Set.of());

    public UapiLevel {
        Objects.requireNonNull(kernel, "kernel");
        extensions = extensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(extensions));
    }

    /** Mainline {@code kernel} ("6.19"), nothing more. */
    public static UapiLevel mainline(String kernel) {
        return new UapiLevel(kernel, Set.of());
    }

    /** This level with {@code more} besides. */
    public UapiLevel with(UapiExtension... more) {
        Set<UapiExtension> all = EnumSet.noneOf(UapiExtension.class);
        all.addAll(extensions);
        all.addAll(Set.of(more));
        return new UapiLevel(kernel, all);
    }

    /** Whether the stack implements {@code extension}. */
    public boolean has(UapiExtension extension) {
        return extensions.contains(extension);
    }

    /** As a certificate names it: "mainline 6.19 + iommufd TSM v5". */
    public String describe() {
        String base = kernel.isBlank() ? "mainline" : "mainline " + kernel;
        return extensions.isEmpty() ? base : base + " + " + extensions.stream().sorted().map(UapiExtension::label)
                .collect(Collectors.joining(" + "));
    }

    @Override
    public String toString() {
        return describe();
    }
}
