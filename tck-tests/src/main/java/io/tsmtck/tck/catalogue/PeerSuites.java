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
 * of the kit check what each case checks, or why the kit leaves a case out.
 */
public final class PeerSuites {

    /** The resource the table is read from. */
    public static final String RESOURCE = "peer-suites.yaml";

    private PeerSuites() {
    }

    /** Every case, in the file's order. */
    public static List<PeerCase> cases() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = PeerSuites.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the kit's jar");
            }
            return List.copyOf(mapper.readValue(in, new TypeReference<List<PeerCase>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
