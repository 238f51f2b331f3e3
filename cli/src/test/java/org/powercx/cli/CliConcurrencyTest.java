package org.powercx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Main#run} is the entry point for services that embed the tool; the JSON parser factory and the output
 * mapper are shared statics. Running the readers and commands from 8 threads at once must print exactly what one
 * thread prints, character for character (every number the commands print is computed afresh in each run).
 */
class CliConcurrencyTest {
    private static final List<String[]> COMMANDS = List.of(
        new String[] {"ahp", Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "--format", "json"},
        new String[] {"ahp", Cli.doc("docs/examples/ahp-inconsistent.json").toString()},
        new String[] {"gra", Cli.doc("docs/examples/customers.csv").toString(), "--weights",
            Cli.doc("docs/examples/ahp-hierarchy.json").toString(), "--format", "csv"},
        new String[] {"pls", Cli.doc("docs/examples/pls-model.json").toString(),
            Cli.doc("docs/examples/satisfaction.csv").toString(), "--format", "json"},
        new String[] {"clv", "cohort", Cli.doc("docs/examples/cohorts.json").toString()},
        new String[] {"ahp", Cli.doc("docs/examples/bad-matrix.json").toString()});

    @Test
    void commandsFromEightThreadsPrintTheSingleThreadedOutput() throws Exception {
        List<String> expected = new ArrayList<>();
        for (String[] c : COMMANDS) {
            expected.add(runOnce(c));
        }
        assertThat(expected.get(5)).startsWith("1\n").contains("bad-matrix.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int shift = t;
                futures.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>(COMMANDS.size());
                    for (int k = 0; k < COMMANDS.size(); k++) {
                        got.add(null);
                    }
                    // each thread starts with a different command so that all of them overlap
                    for (int k = 0; k < COMMANDS.size(); k++) {
                        int i = (k + shift) % COMMANDS.size();
                        got.set(i, runOnce(COMMANDS.get(i)));
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get(2, TimeUnit.MINUTES)).containsExactlyElementsOf(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String runOnce(String[] args) {
        Cli r = Cli.run(args);
        return r.status + "\n" + r.out + "\n" + r.err;
    }
}
