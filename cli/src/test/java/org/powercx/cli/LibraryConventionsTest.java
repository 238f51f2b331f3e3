package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.powercx.ahp.AhpException;
import org.powercx.clv.ClvException;
import org.powercx.core.CoreException;
import org.powercx.core.testing.LibraryConventions;
import org.powercx.credit.CreditException;
import org.powercx.grey.GreyException;
import org.powercx.io.FileFormatException;
import org.powercx.samples.SamplesException;
import org.powercx.satisfaction.SatisfactionException;
import org.powercx.segmentation.SegmentationException;

/**
 * Enforces docs/conventions.md by reflection over every public type of every library package (the module's
 * classes directory or jar, found from the code source of its exception), with the rules of the shared
 * {@link LibraryConventions}. A module added to the library adds its exception to {@link #MODULE_EXCEPTIONS}; a
 * module cli does not depend on (the Spark module) runs the same rules in a conventions test of its own.
 */
class LibraryConventionsTest {
    /** One exception per library module; its package is the module's public package. */
    static final List<Class<?>> MODULE_EXCEPTIONS = List.of(CoreException.class, ClvException.class,
        AhpException.class, GreyException.class, CreditException.class, SatisfactionException.class,
        FileFormatException.class, SegmentationException.class, SamplesException.class);

    /** Exceptions that may stay open, with the reason; none today. */
    static final Set<Class<?>> OPEN_EXCEPTIONS = LibraryConventions.OPEN_EXCEPTIONS;

    @Test
    void everyPublicTypeOfEveryLibraryPackageFollowsTheConventions() {
        List<Class<?>> types = libraryTypes();
        assertThat(types).hasSizeGreaterThan(80);
        List<String> violations = new ArrayList<>();
        for (Class<?> type : types) {
            violations.addAll(violations(type));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyModuleHasItsFinalExceptionAndTheScanSeesIt() {
        List<Class<?>> types = libraryTypes();
        for (Class<?> e : MODULE_EXCEPTIONS) {
            assertThat(types).contains(e);
            assertThat(IllegalArgumentException.class).isAssignableFrom(e);
            assertThat(Modifier.isFinal(e.getModifiers()) || OPEN_EXCEPTIONS.contains(e)).as(e.getName()).isTrue();
        }
    }

    private static List<Class<?>> libraryTypes() {
        return LibraryConventions.publicTypes(MODULE_EXCEPTIONS);
    }

    private static List<String> violations(Class<?> type) {
        return LibraryConventions.violations(type);
    }

    private static boolean american(String identifier) {
        return LibraryConventions.american(identifier);
    }

    @Test
    void theRulesCatchBrokenTypes() {
        assertThat(violations(OpenException.class)).anyMatch(v -> v.contains("final"));
        assertThat(violations(CheckedException.class)).anyMatch(v -> v.contains("IllegalArgumentException"));
        assertThat(violations(OpenClass.class)).anyMatch(v -> v.contains("final, abstract or sealed"));
        assertThat(violations(WideRecord.class)).anyMatch(v -> v.contains("6 parameters"));
        assertThat(violations(BadResult.class)).anyMatch(v -> v.contains("public constructor"));
        assertThat(violations(AmericanNames.class)).anyMatch(v -> v.contains("normalizedValues"))
            .anyMatch(v -> v.contains("STANDARDIZED")).anyMatch(v -> v.contains("analyzeAll"));
        assertThat(violations(OpenCalculator.class)).anyMatch(v -> v.contains("calculator"))
            .anyMatch(v -> v.contains("withLimit")).anyMatch(v -> v.contains("OpenCalculator.fit"));
        assertThat(violations(ObjectScore.class)).anyMatch(v -> v.contains("score"))
            .anyMatch(v -> v.contains("evaluate"));
        assertThat(violations(GoodCalculator.class)).isEmpty();
        assertThat(violations(GoodResult.class)).isEmpty();
        // a score may return a table type only where the module's test allows it
        assertThat(LibraryConventions.violations(TableScore.class)).anyMatch(v -> v.contains("TableScore.score"));
        assertThat(LibraryConventions.violations(TableScore.class, Set.of(List.class))).isEmpty();
    }

    @Test
    void theSpellingRuleLetsSizeAndBritishFormsThrough() {
        assertThat(american("size")).isFalse();
        assertThat(american("resizeColumns")).isFalse();
        assertThat(american("sizeA")).isFalse();
        assertThat(american("normalisedIndicators")).isFalse();
        assertThat(american("STANDARDISED")).isFalse();
        assertThat(american("analyse")).isFalse();
        assertThat(american("standardizedCoefficients")).isTrue();
        assertThat(american("Normalizer")).isTrue();
        assertThat(american("analyze")).isTrue();
    }

    // Synthetic types that break the rules, so that each rule is seen to fail.

    public static class OpenException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
    }

    public static final class CheckedException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    public static class OpenClass {
    }

    public record WideRecord(double a, double b, double c, double d, double e, double f) {
    }

    public static final class BadResult {
        public BadResult(double value) {
        }
    }

    public static final class GoodResult {
        GoodResult() {
        }

        public double value() {
            return 0;
        }
    }

    public enum AmericanNames {
        STANDARDIZED;

        public double[] normalizedValues() {
            return new double[0];
        }

        public void analyzeAll() {
        }
    }

    public static class OpenCalculator {
        public OpenCalculator() {
        }

        public static OpenCalculator withDefaults() {
            return new OpenCalculator();
        }

        public Object withLimit(int limit) {
            return this;
        }

        public static double[] fit(double[] values) {
            return values;
        }
    }

    public static final class GoodCalculator {
        private GoodCalculator() {
        }

        public static GoodCalculator withDefaults() {
            return new GoodCalculator();
        }

        public GoodCalculator withLimit(int limit) {
            return this;
        }

        public GoodResult evaluate(double[] values) {
            return new GoodResult();
        }

        public double[] score(double[] values) {
            return values.clone();
        }
    }

    public static final class TableScore {
        private TableScore() {
        }

        public List<Double> score(List<Double> rows) {
            return rows;
        }
    }

    public static final class ObjectScore {
        private ObjectScore() {
        }

        public List<Double> score() {
            return List.of();
        }

        public int evaluate() {
            return 0;
        }
    }
}
