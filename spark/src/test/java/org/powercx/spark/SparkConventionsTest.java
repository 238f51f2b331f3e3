package org.powercx.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Test;
import org.powercx.core.testing.LibraryConventions;

/**
 * The library's conventions (docs/conventions.md) on this module's public types, with the rules cli's
 * LibraryConventionsTest applies to the other modules (cli does not depend on Spark, so it cannot load these
 * types): a score may here also return the scored {@code Dataset}, and no public signature names a Scala type.
 */
class SparkConventionsTest {
    @Test
    void everyPublicTypeFollowsTheLibraryConventions() {
        List<Class<?>> types = LibraryConventions.publicTypes(List.of(SparkException.class));
        assertThat(types).contains(SparkScorer.class, SparkFitter.class, ColumnMapping.class, MissingValues.class,
            ModelKryoRegistrator.class, SparkException.class);
        List<String> violations = new ArrayList<>();
        for (Class<?> type : types) {
            violations.addAll(LibraryConventions.violations(type, Set.of(Dataset.class)));
        }
        assertThat(violations).isEmpty();
        assertThat(IllegalArgumentException.class).isAssignableFrom(SparkException.class);
        assertThat(Modifier.isFinal(SparkException.class.getModifiers())).isTrue();
    }

    @Test
    void noPublicSignatureNamesAScalaType() {
        List<String> scala = new ArrayList<>();
        for (Class<?> type : LibraryConventions.publicTypes(List.of(SparkException.class))) {
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic()) {
                    continue;
                }
                List<Class<?>> named = new ArrayList<>(List.of(m.getParameterTypes()));
                named.add(m.getReturnType());
                for (Class<?> c : named) {
                    if (c.getName().startsWith("scala.")) {
                        scala.add(type.getSimpleName() + "." + m.getName() + ": " + c.getName());
                    }
                }
            }
        }
        assertThat(scala).isEmpty();
    }
}
