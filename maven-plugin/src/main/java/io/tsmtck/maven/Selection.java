package io.tsmtck.maven;

import io.tsmtck.tck.catalogue.Area;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Provenance;
import io.tsmtck.tck.catalogue.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code tsm-tck.rules}, {@code tsm-tck.areas} and {@code tsm-tck.provenance} settings, checked
 * against the catalogue so that a typo is a clear error instead of a run that silently selects
 * nothing. A provenance selection is the rules of those kinds of source (within the named rules, if
 * any).
 *
 * @param rules rule ids
 * @param areaTags JUnit tags of the selected areas
 */
record Selection(List<String> rules, List<String> areaTags) {

    static Selection of(List<String> rules, List<String> areas) throws MojoExecutionException {
        return of(rules, areas, List.of());
    }

    static Selection of(List<String> rules, List<String> areas, List<String> provenance)
            throws MojoExecutionException {
        List<String> ruleIds = clean(rules);
        Set<Provenance> kinds = EnumSet.noneOf(Provenance.class);
        for (String name : clean(provenance)) {
            try {
                kinds.add(Provenance.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("tsm-tck.provenance names '" + name + "', which is not a kind of "
                        + "source. Use one or more of " + Arrays.toString(Provenance.values()) + ".", e);
            }
        }
        for (String id : ruleIds) {
            if (Catalogue.standard().rule(id).isEmpty()) {
                throw new MojoExecutionException("tsm-tck.rules names '" + id + "', which is not a rule of the "
                        + "catalogue. Rule ids look like TDISP-01 or VFIO-11; leave tsm-tck.rules empty to run all.");
            }
        }
        List<String> tags = new ArrayList<>();
        for (String name : clean(areas)) {
            try {
                tags.add(Area.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')).tag());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("tsm-tck.areas names '" + name + "', which is not an area. Use one "
                        + "or more of " + Arrays.toString(Area.values()) + ", or leave it empty to run all.", e);
            }
        }
        if (!kinds.isEmpty()) {
            List<String> named = ruleIds;
            ruleIds = Catalogue.standard().rules().stream().filter(rule -> kinds.contains(rule.provenance()))
                    .map(Rule::id).filter(id -> named.isEmpty() || named.contains(id)).collect(Collectors.toList());
            if (ruleIds.isEmpty()) {
                throw new MojoExecutionException("tsm-tck.provenance " + kinds + " selects no rule"
                        + (named.isEmpty() ? "" : " among " + named));
            }
        }
        return new Selection(ruleIds, tags);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }
}
