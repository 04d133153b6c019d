package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.binding.May;
import io.tsmtck.tck.binding.Must;
import io.tsmtck.tck.binding.RuleExtension;
import io.tsmtck.tck.binding.Should;
import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Excludes;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Provenance;
import io.tsmtck.tck.catalogue.Rule;
import io.tsmtck.tck.runner.KitTestPlan;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The build fails when the catalogue and the tests disagree: a testable rule without a test, a test
 * citing an unknown rule, a test without a rule, a level or area that does not match.
 */
class CoverageAuditTest {

    private static List<Method> methods;
    private static final Catalogue CATALOGUE = Catalogue.standard();

    @BeforeAll
    static void discover() {
        methods = KitTestPlan.methods().stream().filter(m -> Excludes.reason(m).isEmpty()).collect(Collectors.toList());
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    @Test
    void theExcludeListHoldsTheCanaryAndOnlyTestsThatExist() {
        List<String> discovered = KitTestPlan.methods().stream()
                .map(m -> m.getDeclaringClass().getName() + "#" + m.getName()).collect(Collectors.toList());

        assertThat(Excludes.all()).containsKey("io.tsmtck.tck.tests.ExclusionCanaryTest#alwaysFailsAndIsAlwaysExcluded");
        assertThat(discovered).containsAll(Excludes.all().keySet());
    }

    @Test
    void theKitHasTests() {
        assertThat(methods).hasSizeGreaterThan(50);
    }

    @Test
    void everyTestCitesARule() {
        List<String> uncited = methods.stream().filter(m -> RuleExtension.citedId(m).isEmpty())
                .map(CoverageAuditTest::name).collect(Collectors.toList());
        assertThat(uncited).as("kit tests without @Must, @Should or @May").isEmpty();
    }

    @Test
    void everyCitedRuleIsInTheCatalogue() {
        List<String> unknown = methods.stream()
                .filter(m -> RuleExtension.citedId(m).flatMap(CATALOGUE::rule).isEmpty())
                .map(m -> name(m) + " cites " + RuleExtension.citedId(m).orElse("nothing"))
                .collect(Collectors.toList());
        assertThat(unknown).as("tests citing rules the catalogue does not have").isEmpty();
    }

    @Test
    void everyTestableRuleHasATestAndNoUntestableRuleHasOne() {
        Set<String> cited = methods.stream().map(RuleExtension::citedId).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> untested = CATALOGUE.rules().stream().filter(Rule::isTestable)
                .map(Rule::id).filter(id -> !cited.contains(id)).collect(Collectors.toList());
        List<String> testedButUntestable = CATALOGUE.rules().stream().filter(r -> !r.isTestable())
                .map(Rule::id).filter(cited::contains).collect(Collectors.toList());
        assertThat(untested).as("testable rules without a test").isEmpty();
        assertThat(testedButUntestable).as("rules marked untestable that have a test").isEmpty();
    }

    @Test
    void theAnnotationLevelIsTheCatalogueLevel() {
        Map<Class<?>, Level> levels = Map.of(Must.class, Level.MUST, Should.class, Level.SHOULD, May.class, Level.MAY);
        List<String> mismatched = new ArrayList<>();
        for (Method method : methods) {
            RuleExtension.citedId(method).flatMap(CATALOGUE::rule).ifPresent(rule -> levels.forEach((annotation, level) -> {
                if (method.isAnnotationPresent(annotation.asSubclass(java.lang.annotation.Annotation.class))
                        && level != rule.level()) {
                    mismatched.add(name(method) + " is @" + annotation.getSimpleName() + " but " + rule.label());
                }
            }));
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void everyTestClassIsTaggedWithTheAreaOfItsRules() {
        List<String> mismatched = new ArrayList<>();
        for (Method method : methods) {
            Tag tag = method.getDeclaringClass().getAnnotation(Tag.class);
            RuleExtension.citedId(method).flatMap(CATALOGUE::rule).ifPresent(rule -> {
                if (tag == null || !tag.value().equals(rule.area().tag())) {
                    mismatched.add(name(method) + " tests " + rule.id() + " (tag " + rule.area().tag() + ") but its"
                            + " class is tagged " + (tag == null ? "nothing" : tag.value()));
                }
            });
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void everyRuleIsComplete() {
        List<String> incomplete = CATALOGUE.rules().stream()
                .filter(r -> !r.id().matches("[A-Z]+-\\d{2}") || r.statement().isBlank() || !r.statement().endsWith(".")
                        || r.source().isBlank() || r.source().contains("/work/") || r.source().contains("../"))
                .map(Rule::id).collect(Collectors.toList());
        assertThat(incomplete).as("rules with a malformed id, statement or source").isEmpty();
        assertThat(CATALOGUE.rules()).hasSizeGreaterThanOrEqualTo(100);
    }

    /**
     * The provenance a rule declares is the kind of source its text names: a PCIe rule cites the PCIe
     * Base specification, a DMTF rule a DSP, a mainline rule a kernel path, a series rule says posted
     * or where it is queued, a proposal names the list message, a kit rule the kit's SPI.
     */
    @Test
    void everyRulesProvenanceIsTheKindOfSourceItNames() {
        Map<Provenance, String> named = Map.of(Provenance.PCIE, "PCIe Base", Provenance.DMTF, "DSP02",
                Provenance.MAINLINE, "drivers/", Provenance.SERIES, "posted|series|for-next",
                Provenance.PROPOSAL, "dri-devel", Provenance.KIT, "TSM-TCK");
        List<String> mislabelled = CATALOGUE.rules().stream()
                .filter(r -> !Pattern.compile(named.get(r.provenance())).matcher(r.source()).find())
                .map(r -> r.id() + " (" + r.provenance() + "): " + r.source()).collect(Collectors.toList());
        assertThat(mislabelled).as("rules whose source does not name the kind their provenance says").isEmpty();
        assertThat(CATALOGUE.rules().stream().filter(r -> r.provenance() == Provenance.MAINLINE)
                .filter(r -> r.source().contains("posted")).map(Rule::id))
                .as("mainline rules that cite something posted (the weakest source a claim needs decides)").isEmpty();
    }
}
