package org.powercx.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.powercx.core.CustomerIndicators;
import org.powercx.core.testing.ForkedJvm;
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
            assertThat(ForkedJvm.run(CustomerModelScoringMain.class, file.toString())).isEqualTo(expected);
        }
    }
}
