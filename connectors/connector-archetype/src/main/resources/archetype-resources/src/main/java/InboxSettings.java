package ${package};

import java.nio.file.Path;
import java.time.Duration;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Settings;

/** Typed configuration of one instance; every key is declared here once, with its default and documentation. */
record InboxSettings(Path inbox, Duration pollPeriod) {

    static final String INBOX = "inbox";
    static final String POLL_PERIOD = "pollPeriod";

    static final ConfigDef CONFIG = ConfigDef.connector()
            .required(INBOX, ConfigType.PATH, "Directory the department writes *.json record files to")
            .optional(POLL_PERIOD, ConfigType.DURATION, "10s", "How often the inbox is read")
            .build();

    static InboxSettings from(Settings raw) {
        Duration period = raw.duration(POLL_PERIOD);
        if (period.isNegative() || period.isZero()) {
            throw raw.invalid(POLL_PERIOD, "must be positive");
        }
        return new InboxSettings(raw.path(INBOX), period);
    }
}
