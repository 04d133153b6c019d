package io.tsmtck.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsmtck.tck.catalogue.Catalogue;
import io.tsmtck.tck.catalogue.Kit;
import io.tsmtck.tck.catalogue.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is the way in: short, its two commands the ones CI and the build run, and every page it
 * sends a reader to there.
 */
class ReadmeTest {

    private static final Path ROOT = Path.of("..");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void theReadmeIsShort() throws IOException {
        assertThat(readme().lines().count()).as("lines of README.md").isLessThanOrEqualTo(150);
    }

    @Test
    void ciRunsTheReadmesCommandForEveryTest() throws IOException {
        List<String> commands = Pattern.compile("```\\n(mvn [^\\n]+)\\n```").matcher(readme()).results()
                .map(m -> m.group(1)).toList();
        assertThat(commands).as("the quick start's commands").containsExactly(
                "mvn -B -DskipTests -Dinvoker.skip=true verify", "mvn -B verify");
        assertThat(Files.readAllLines(ROOT.resolve(".ci/run"))).as(".ci/run").contains(commands.get(1));
    }

    @Test
    void theReadmesCountsAreTheCatalogues() throws IOException {
        Catalogue catalogue = Catalogue.standard();
        String provenances = Stream.of(Provenance.values()).map(p -> catalogue.rules().stream()
                .filter(rule -> rule.provenance() == p).count() + " " + p).collect(Collectors.joining(", "));
        String text = readme().replaceAll("\\s+", " ");
        assertThat(text).as("README.md, its rule counts (write them as the catalogue has them)")
                .contains("catalogue (" + catalogue.rules().size() + " rules")
                .contains("provenance: " + provenances + ")")
                .contains("`tsm-tck:certify`, " + catalogue.of(Kit.HOST).rules().size() + " rules")
                .contains("`tsm-tck:certify-device`, " + catalogue.of(Kit.DEVICE).rules().size() + " rules");
    }

    @Test
    void everyPageTheReadmeLinksExists() throws IOException {
        Matcher links = Pattern.compile("\\]\\(([^)#]+)\\)").matcher(readme());
        List<String> pages = links.results().map(m -> m.group(1)).filter(link -> !link.startsWith("http")).toList();
        assertThat(pages).as("pages README.md links").isNotEmpty()
                .allSatisfy(page -> assertThat(ROOT.resolve(page)).as(page).isRegularFile());
        assertThat(pages).contains("docs/device-kit.md", "docs/host-kit.md", "docs/contributing.md",
                "docs/glossary.md", "docs/internals.md", "docs/configuration.md", "docs/linux-adapter.md");
    }
}
