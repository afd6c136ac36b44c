package org.creditgate.connector.rest;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Settings;
import org.creditgate.spi.mapping.FieldMapping;

/**
 * Typed configuration of a REST push connector instance.
 *
 * @param passthrough keep keys the mapping does not name (national codes sent as they are)
 * @param maxRecords  records per push; more is refused whole with 413 before anything is stored
 */
record RestPushSettings(FieldMapping mapping, boolean passthrough, int maxRecords) {

    static final String PASSTHROUGH = "passthrough";
    static final String MAX_RECORDS = "maxRecords";

    static final ConfigDef CONFIG = FieldMapping.declare(ConfigDef.connector()
            .optional(PASSTHROUGH, ConfigType.BOOLEAN, "true",
                    "Keep the keys the mapping does not name, so national field codes pass unchanged"))
            .optional(MAX_RECORDS, ConfigType.INT, "500",
                    "Most records in one push (1-500, at most the core's ingest.maxBatchSize)")
            .build();

    static RestPushSettings from(Settings raw) {
        int max = raw.integer(MAX_RECORDS);
        if (max < 1 || max > 500) {
            throw raw.invalid(MAX_RECORDS, max + " is outside 1-500");
        }
        return new RestPushSettings(FieldMapping.from(raw), raw.bool(PASSTHROUGH), max);
    }
}
