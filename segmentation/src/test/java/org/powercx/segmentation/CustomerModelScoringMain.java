package org.powercx.segmentation;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.powercx.core.IndicatorTable;
import org.powercx.samples.CustomerGenerator;

/**
 * Run in a fresh JVM by {@link CustomerModelSerializationTest}: reads a serialized {@link CustomerModel}, scores
 * the deterministic table of {@link #table()} and prints the digest of {@link #digest}.
 */
public final class CustomerModelScoringMain {
    private CustomerModelScoringMain() {
    }

    static IndicatorTable table() {
        return CustomerGenerator.withDefaults().generate(100_000, 99L).table();
    }

    /** A digest of the raw bits of every numeric output and of the segments, grades, groups and measures. */
    static String digest(CustomerScores s) {
        long h = 1125899906842597L;
        for (double[] a : new double[][] {s.segments().currentValues(), s.segments().potentialValues(), s.combined(),
            s.defaultProbabilities(), s.retention(), s.lifetimeValues()}) {
            for (double v : a) {
                h = 31 * h + Double.doubleToRawLongBits(v);
            }
        }
        for (int[] a : new int[][] {s.segments().ordinals(), s.grades()}) {
            for (int v : a) {
                h = 31 * h + v;
            }
        }
        for (String topic : s.risks().topics()) {
            for (double v : s.risks().scores(topic)) {
                h = 31 * h + Double.doubleToRawLongBits(v);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            h = 31 * h + s.plan().measures(i).hashCode();
        }
        return Long.toHexString(h);
    }

    /**
     * Reads the model from the file named by the first argument and prints the digest of its scores.
     *
     * @param args the serialized model's path
     * @throws Exception if reading fails
     */
    public static void main(String[] args) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(Path.of(args[0])))) {
            CustomerModel model = (CustomerModel) in.readObject();
            System.out.println(digest(model.apply(table())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
