package io.tsmtck.tck.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule catalogue: {@code rules.yaml} beside this class is the single source of truth; the
 * human page and the certification report are generated from it.
 *
 * <p>Immutable once loaded; safe to share between threads.
 */
public final class Catalogue {

    /** The resource the catalogue is read from. */
    public static final String RESOURCE = "rules.yaml";

    private static final Catalogue STANDARD = load();

    private final Map<String, Rule> rules;
    private final List<Rule> ordered;

    private Catalogue(List<Rule> rules) {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("rule id " + rule.id() + " appears twice in " + RESOURCE);
            }
            if (!rule.id().startsWith(rule.area().idPrefix() + "-")) {
                throw new IllegalStateException(rule.id() + " is in area " + rule.area() + " whose ids start with "
                        + rule.area().idPrefix() + "-");
            }
        }
        this.rules = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
    }

    /** The kit's catalogue. */
    public static Catalogue standard() {
        return STANDARD;
    }

    /**
     * The SHA-256 of the kit's {@value #RESOURCE}, hex: what a report records, so that it can be
     * checked against the catalogue of the kit that reads it.
     */
    public static String sha256() {
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit's jar");
            }
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue " + RESOURCE, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Catalogue load() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit's jar");
            }
            return new Catalogue(mapper.readValue(in, new TypeReference<List<Rule>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule catalogue " + RESOURCE, e);
        }
    }

    /** The rules of {@code kit}, in catalogue order: what a run of that kit certifies. */
    public Catalogue of(Kit kit) {
        return new Catalogue(ordered.stream().filter(rule -> rule.kit() == kit).toList());
    }

    /** Every rule, in catalogue order. */
    public List<Rule> rules() {
        return ordered;
    }

    /** The rule with {@code id}. */
    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }
}
