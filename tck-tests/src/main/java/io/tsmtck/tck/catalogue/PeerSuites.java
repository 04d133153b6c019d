package io.tsmtck.tck.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The public peer suites case by case ({@code peer-suites.yaml} beside this class): which rules
 * of the kit check what each case checks, or why the kit leaves a case out; and, apart from them,
 * the findings of the outside reviews of the catalogue ({@code catalogue-reviews.yaml}).
 */
public final class PeerSuites {

    /** The resource the table is read from. */
    public static final String RESOURCE = "peer-suites.yaml";
    /** The resource the reviews' findings are read from. */
    public static final String REVIEWS = "catalogue-reviews.yaml";

    private PeerSuites() {
    }

    /** Every case of the peer suites, in the file's order. */
    public static List<PeerCase> cases() {
        return read(RESOURCE);
    }

    /** Every finding of the catalogue's outside reviews, in the file's order. */
    public static List<PeerCase> reviews() {
        return read(REVIEWS);
    }

    private static List<PeerCase> read(String resource) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PeerSuites.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the kit's jar");
            }
            return List.copyOf(mapper.readValue(in, new TypeReference<List<PeerCase>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
