package org.creditgate.spi.config;

/** Types a connector configuration value can have; each parses from the text of a {@code .cfg} file. */
public enum ConfigType {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    /** ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}. */
    DURATION,
    /** Comma-separated list of strings. */
    LIST,
    /** A file system path; relative paths are resolved against the Karaf home. */
    PATH,
    /** A secret: masked in {@code toString()}, logs and the API. Supply it as {@code $[secret:…]} or {@code $[env:…]}. */
    PASSWORD,
    /** A group of keys sharing a prefix (e.g. {@code map.CF_WSH = 决定书文号}); the key is the prefix. */
    PREFIX
}
