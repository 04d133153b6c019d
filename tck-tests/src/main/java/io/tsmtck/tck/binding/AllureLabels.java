package io.tsmtck.tck.binding;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.tsmtck.tck.catalogue.Level;
import io.tsmtck.tck.catalogue.Rule;

/**
 * Puts a test's rule into the Allure results (when Allure's JUnit Platform listener runs, which only
 * {@code tsm-tck:certify} puts on the classpath): rule id, area
 * as epic, rule as feature, level as severity, the source as a link, and the transcript of a
 * failure as an attachment.
 */
final class AllureLabels {

    private AllureLabels() {
    }

    static void label(Rule rule) {
        if (!listening()) {
            return;
        }
        Allure.getLifecycle().updateTestCase(result -> {
            result.getLabels().add(new Label().setName("rule").setValue(rule.id()));
            result.getLabels().add(new Label().setName("epic").setValue(rule.area().name()));
            result.getLabels().add(new Label().setName("feature").setValue(rule.id() + " " + rule.statement()));
            result.getLabels().add(new Label().setName("severity").setValue(severity(rule.level())));
            result.getLabels().add(new Label().setName("tag").setValue(rule.level().name()));
            result.getLinks().add(new Link().setName(rule.source()).setType("source"));
            result.setDescription(rule.statement() + "\n\nIf this fails, check: " + rule.hint());
        });
    }

    static void attachTranscript(String transcript) {
        if (listening()) {
            Allure.addAttachment("TDISP/IDE_KM transcript", "text/plain", transcript, ".txt");
        }
    }

    /**
     * Whether Allure's listener runs this test. Without it Allure would still write attachment
     * files, into {@code allure-results} of whatever directory the run is in.
     */
    private static boolean listening() {
        return Allure.getLifecycle().getCurrentTestCase().isPresent();
    }

    private static String severity(Level level) {
        switch (level) {
            case MUST:
                return "critical";
            case SHOULD:
                return "normal";
            default:
                return "minor";
        }
    }
}
