package org.creditgate.connector.table;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.mapping.FieldMapping;

/**
 * The declared configuration of the {@code table} connector type: every key once, with its type, default and the
 * sentence the shipped {@code .cfg} and the README show. {@link TablePollSettings#from} reads it into typed settings.
 */
final class TableConfig {

    static final String TYPE = "table";
    static final String PID = "org.creditgate.connector.table";

    static final String JDBC_URL = "jdbc.url";
    static final String JDBC_USER = "jdbc.user";
    static final String JDBC_PASSWORD = "jdbc.password";
    static final String JDBC_POOL_SIZE = "jdbc.poolSize";
    static final String JDBC_TIMEOUT = "jdbc.connectTimeout";
    static final String TABLE_SCHEMA = "table.schema";
    static final String TABLE_NAME = "table.name";
    static final String UPDATED_COLUMN = "table.updateTimeColumn";
    static final String ID_COLUMN = "table.idColumn";
    static final String ID_TYPE = "table.idType";
    static final String TIME_ZONE = "table.timeZone";
    static final String DATASET_COLUMN = "table.datasetColumn";
    static final String STATUS_COLUMN = "status.statusColumn";
    static final String ERRORS_COLUMN = "status.errorsColumn";
    static final String RECORD_ID_COLUMN = "status.recordIdColumn";
    static final String PROCESSED_AT_COLUMN = "status.processedAtColumn";
    static final String FINGERPRINT_COLUMN = "status.fingerprintColumn";
    static final String POLL_PERIOD = "poll.period";
    static final String POLL_INITIAL_DELAY = "poll.initialDelay";
    static final String POLL_PAGE_SIZE = "poll.pageSize";

    static final ConfigDef DEF = FieldMapping.declare(ConfigDef.connector()
            .required(JDBC_URL, ConfigType.STRING, "JDBC URL of the department's exchange database: "
                    + "jdbc:postgresql://host:5432/db or jdbc:h2:…")
            .optional(JDBC_USER, ConfigType.STRING, null, "Database user the gateway logs in as (needs SELECT and "
                    + "UPDATE of the status columns only).")
            .optional(JDBC_PASSWORD, ConfigType.PASSWORD, null, "Password of jdbc.user; supply it as "
                    + "$[secret:<name>] or $[env:<NAME>], never in clear.")
            .optional(JDBC_POOL_SIZE, ConfigType.INT, "2", "Connections kept open to the exchange database (1-10).")
            .optional(JDBC_TIMEOUT, ConfigType.DURATION, "10s", "How long to wait for a connection before the poll "
                    + "gives up for this period.")
            .optional(TABLE_SCHEMA, ConfigType.STRING, null, "Schema of the exchange table; empty: the user's "
                    + "default schema (search_path).")
            .required(TABLE_NAME, ConfigType.STRING, "Name of the exchange table, exactly as stored in the catalog "
                    + "(PostgreSQL folds unquoted names to lower case, H2 to upper case).")
            .optional(UPDATED_COLUMN, ConfigType.STRING, "updated_at", "Update-time column (TIMESTAMP); the "
                    + "department sets it on every insert and change of business columns, never for status columns.")
            .optional(ID_COLUMN, ConfigType.STRING, "id", "Unique row id column; breaks ties of equal update times.")
            .optional(ID_TYPE, ConfigType.STRING, "LONG", "Type of the id column: LONG (integer) or TEXT.")
            .optional(TIME_ZONE, ConfigType.STRING, "Asia/Shanghai", "Zone of update times stored as TIMESTAMP "
                    + "WITHOUT TIME ZONE.")
            .optional(DATASET_COLUMN, ConfigType.STRING, null, "Column naming each row's dataset (PENALTY, "
                    + "LICENSE, …); empty: use const.dataset or the field codes.")
            .optional(STATUS_COLUMN, ConfigType.STRING, "cg_status", "Status column the gateway writes: ACCEPTED, "
                    + "ALREADY_ACCEPTED or REJECTED (NULL = not processed yet).")
            .optional(ERRORS_COLUMN, ConfigType.STRING, "cg_errors", "Errors column the gateway writes: JSON array "
                    + "of {code, field, message}, field = the department's column name.")
            .optional(RECORD_ID_COLUMN, ConfigType.STRING, "cg_record_id", "Column the gateway writes the record id "
                    + "into; also used to send a changed row as an UPDATE of that record.")
            .optional(PROCESSED_AT_COLUMN, ConfigType.STRING, "cg_processed_at", "Column the gateway writes the "
                    + "processing time into (TIMESTAMP).")
            .optional(FINGERPRINT_COLUMN, ConfigType.STRING, "cg_fingerprint", "Column the gateway keeps the "
                    + "fingerprint of the last accepted content in, to tell a changed row from a re-read one.")
            .optional(POLL_PERIOD, ConfigType.DURATION, "15m", "Time between polls; a full page is followed by the "
                    + "next page at once.")
            .optional(POLL_INITIAL_DELAY, ConfigType.DURATION, "10s", "Delay before the first poll after start.")
            .optional(POLL_PAGE_SIZE, ConfigType.INT, "100", "Rows read, ingested and written back per page "
                    + "(1-500).")).build();

    private TableConfig() {
    }
}
