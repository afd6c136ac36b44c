package org.creditgate.connector.table;

import static org.creditgate.connector.table.TableConfig.*;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.creditgate.spi.config.Secret;
import org.creditgate.spi.config.Settings;
import org.creditgate.spi.mapping.FieldMapping;

/**
 * Typed, validated settings of one {@code table} connector instance. Every identifier is checked here, once, so the
 * SQL built from them ({@link ExchangeTableSql}) needs no further escaping; rules across keys (a status column must
 * not be the update-time column, or the write-back would make the row look changed) are checked here too.
 *
 * @param fieldToColumn the mapping's record field → source column, to name errors as the department spells them
 */
record TablePollSettings(Settings raw, String jdbcUrl, Optional<String> user, Optional<Secret> password, int poolSize,
        Duration connectTimeout, Optional<SqlIdentifier> schema, SqlIdentifier table, SqlIdentifier updatedColumn,
        SqlIdentifier idColumn, IdType idType, ZoneId zone, Optional<SqlIdentifier> datasetColumn,
        StatusColumns status, Duration period, Duration initialDelay, int pageSize, FieldMapping mapping,
        Map<String, String> fieldToColumn) {

    /** How the id column is compared and bound. */
    enum IdType { LONG, TEXT }

    static final int MAX_PAGE = 500;

    static TablePollSettings from(Settings raw) {
        String url = raw.string(JDBC_URL);
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw raw.invalid(JDBC_URL, "must start with jdbc:postgresql: or jdbc:h2: (the drivers the gateway ships)");
        }
        StatusColumns status = new StatusColumns(identifier(raw, STATUS_COLUMN), identifier(raw, ERRORS_COLUMN),
                identifier(raw, RECORD_ID_COLUMN), identifier(raw, PROCESSED_AT_COLUMN),
                identifier(raw, FINGERPRINT_COLUMN));
        TablePollSettings s = new TablePollSettings(raw, url, raw.optionalString(JDBC_USER),
                raw.optionalSecret(JDBC_PASSWORD), range(raw, JDBC_POOL_SIZE, 1, 10), positive(raw, JDBC_TIMEOUT),
                optionalIdentifier(raw, TABLE_SCHEMA), identifier(raw, TABLE_NAME), identifier(raw, UPDATED_COLUMN),
                identifier(raw, ID_COLUMN), idType(raw), zone(raw), optionalIdentifier(raw, DATASET_COLUMN), status,
                positive(raw, POLL_PERIOD), raw.duration(POLL_INITIAL_DELAY), range(raw, POLL_PAGE_SIZE, 1, MAX_PAGE),
                FieldMapping.from(raw), new LinkedHashMap<>(raw.group(FieldMapping.MAP)));
        s.checkColumnsDistinct();
        return s;
    }

    /** The source column a record field was read from (the field itself for unmapped or identity fields). */
    String columnOf(String field) {
        String plain = field.replaceAll("\\[\\d*]$", "");
        String column = fieldToColumn.get(plain);
        return column != null ? column : fieldToColumn.getOrDefault(plain + "[]", field);
    }

    /** Columns that are not business data: never copied into a record by an identity mapping. */
    Set<String> controlColumns() {
        Set<String> out = new HashSet<>();
        out.add(updatedColumn.name());
        out.add(idColumn.name());
        datasetColumn.ifPresent(c -> out.add(c.name()));
        status.all().forEach(c -> out.add(c.name()));
        return out;
    }

    private void checkColumnsDistinct() {
        Set<String> seen = new HashSet<>();
        for (SqlIdentifier c : status.all()) {
            if (!seen.add(c.name())) {
                throw raw.invalid(STATUS_COLUMN, "status columns must be five different columns; " + c + " twice");
            }
        }
        if (updatedColumn.equals(idColumn)) {
            throw raw.invalid(ID_COLUMN, "must differ from " + UPDATED_COLUMN);
        }
        for (String watermarkColumn : new String[] {updatedColumn.name(), idColumn.name()}) {
            if (seen.contains(watermarkColumn)) {
                throw raw.invalid(STATUS_COLUMN, "a status column cannot be the watermark column " + watermarkColumn
                        + ": the write-back would make every row look changed");
            }
        }
        fieldToColumn.values().stream().filter(seen::contains).findFirst().ifPresent(c -> {
            throw raw.invalid(FieldMapping.MAP, "column " + c + " is a status column the gateway writes");
        });
    }

    private static SqlIdentifier identifier(Settings raw, String key) {
        String name = raw.string(key);
        return SqlIdentifier.parse(name).orElseThrow(() -> raw.invalid(key, "'" + name
                + "' is not a plain identifier (letters, digits, _; at most 63)"));
    }

    private static Optional<SqlIdentifier> optionalIdentifier(Settings raw, String key) {
        return raw.optionalString(key).map(v -> identifier(raw, key));
    }

    private static IdType idType(Settings raw) {
        try {
            return IdType.valueOf(raw.string(ID_TYPE).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw raw.invalid(ID_TYPE, "must be LONG or TEXT");
        }
    }

    private static ZoneId zone(Settings raw) {
        try {
            return ZoneId.of(raw.string(TIME_ZONE));
        } catch (DateTimeException e) {
            throw raw.invalid(TIME_ZONE, "not a time zone id (e.g. Asia/Shanghai)");
        }
    }

    private static int range(Settings raw, String key, int min, int max) {
        int v = raw.integer(key);
        if (v < min || v > max) {
            throw raw.invalid(key, v + " is not between " + min + " and " + max);
        }
        return v;
    }

    private static Duration positive(Settings raw, String key) {
        Duration d = raw.duration(key);
        if (d.isZero() || d.isNegative()) {
            throw raw.invalid(key, "must be positive");
        }
        return d;
    }

    /** The raw settings' form: every key, the password masked. */
    @Override
    public String toString() {
        return raw.toString();
    }
}
