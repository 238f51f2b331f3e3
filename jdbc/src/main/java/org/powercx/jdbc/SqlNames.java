package org.powercx.jdbc;

import java.util.regex.Pattern;

/** The table and column names the writer puts into SQL: plain identifiers only, so no name can inject SQL. */
final class SqlNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlNames() {
    }

    static void checkIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new JdbcException("%s name '%s' is not a plain SQL identifier (letters, digits and underscores, "
                + "not starting with a digit, at most 63 characters)", what, name);
        }
    }

    static void checkTable(String name) {
        if (name == null) {
            throw new JdbcException("table name is null");
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            checkIdentifier(name, "table");
        } else {
            checkIdentifier(name.substring(0, dot), "schema");
            checkIdentifier(name.substring(dot + 1), "table");
        }
    }
}
