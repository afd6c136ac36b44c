package org.creditgate.connector.table;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated SQL identifier (table, schema or column name from the configuration). Only letters (including Han
 * characters), digits and '_' pass, so the quoted form can be put into SQL text safely; values always go through
 * bind parameters. Quoting keeps the exact case the department's catalog has.
 */
record SqlIdentifier(String name) {

    private static final Pattern VALID = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]{0,62}");

    /** PostgreSQL silently truncates longer names (NAMEDATALEN - 1 bytes), which would address another column. */
    private static final int MAX_BYTES = 63;

    static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches()
                && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** The identifier, or empty when the text is not a plain identifier. */
    static Optional<SqlIdentifier> parse(String name) {
        return isValid(name) ? Optional.of(new SqlIdentifier(name)) : Optional.empty();
    }

    SqlIdentifier {
        if (!isValid(name)) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }

    String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
