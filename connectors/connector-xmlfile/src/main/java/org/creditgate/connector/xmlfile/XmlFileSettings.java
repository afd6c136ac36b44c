package org.creditgate.connector.xmlfile;

import java.nio.file.Path;
import java.time.Duration;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Settings;

/**
 * Typed configuration of one XML-file sink instance, declared once in {@link #DEF} (the shipped .cfg, the README
 * table and the tests follow it).
 */
public record XmlFileSettings(Settings raw, Path exchangeDir, Path receiptDir, Duration receiptPollPeriod,
        Duration receiptTimeout, String sender) {

    public static final String EXCHANGE_DIR = "exchangeDir";
    public static final String RECEIPT_DIR = "receiptDir";
    public static final String RECEIPT_POLL_PERIOD = "receiptPollPeriod";
    public static final String RECEIPT_TIMEOUT = "receiptTimeout";
    public static final String SENDER = "sender";

    private static final Duration MIN_PERIOD = Duration.ofMillis(100);

    public static final ConfigDef DEF = ConfigDef.builder()
            .required(ConfigDef.DEPARTMENT, ConfigType.STRING,
                    "Id of the upstream platform this sink delivers to (lower-case, e.g. gsxt); names its queue.")
            .optional(ConfigDef.AUTO_START, ConfigType.BOOLEAN, "true",
                    "Start consuming the upstream's queue and reading receipts at once; false installs it paused.")
            .optional(EXCHANGE_DIR, ConfigType.PATH, "data/exchange/gsxt/out",
                    "Directory the batch files and manifests are written to (relative: to the Karaf home).")
            .optional(RECEIPT_DIR, ConfigType.PATH, "data/exchange/gsxt/receipts",
                    "Directory the upstream writes its receipt files to; handled ones move to its done/ folder.")
            .optional(RECEIPT_POLL_PERIOD, ConfigType.DURATION, "10s", "Time between two scans of the receipt directory.")
            .optional(RECEIPT_TIMEOUT, ConfigType.DURATION, "24h",
                    "A batch without a receipt after this long is reported UNKNOWN (reconciliation takes over).")
            .optional(SENDER, ConfigType.STRING, "350100", "The gateway's node code, sent as sender of every batch.")
            .build();

    static XmlFileSettings from(Settings raw) {
        Duration period = raw.duration(RECEIPT_POLL_PERIOD);
        if (period.compareTo(MIN_PERIOD) < 0) {
            throw raw.invalid(RECEIPT_POLL_PERIOD, period + " is shorter than " + MIN_PERIOD);
        }
        Duration timeout = raw.duration(RECEIPT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw raw.invalid(RECEIPT_TIMEOUT, "must be positive");
        }
        Path exchange = raw.path(EXCHANGE_DIR);
        Path receipts = raw.path(RECEIPT_DIR);
        if (exchange.toAbsolutePath().normalize().equals(receipts.toAbsolutePath().normalize())) {
            throw raw.invalid(RECEIPT_DIR, "must not be the exchange directory");
        }
        return new XmlFileSettings(raw, exchange, receipts, period, timeout, raw.string(SENDER));
    }

    @Override
    public String toString() {
        return raw.toString();
    }
}
