package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CustomerIndicators;
import org.powercx.samples.CustomerGenerator;

class CustomerModelSerializationTest {
    @TempDir
    Path dir;

    @Test
    void aSerializedModelScoresIdenticallyInAFreshJvm() throws Exception {
        for (CustomerAnalysis a : List.of(CustomerAnalysis.withDefaults(), CustomerAnalysis.withDefaults()
            .with(Retention.fromChurnModel(List.of(CustomerIndicators.ARREARS_COUNT), CustomerIndicators.DEFAULTED)))) {
            CustomerModel model = a.fit(CustomerGenerator.withDefaults().generate(20_000, 5L).table());
            Path file = dir.resolve("model.ser");
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
                out.writeObject(model);
            }
            String expected = CustomerModelScoringMain.digest(model.apply(CustomerModelScoringMain.table()));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("fork.log");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CustomerModelScoringMain.class.getName(), file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output.strip()).isEqualTo(expected);
        }
    }
}
