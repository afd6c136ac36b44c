package org.creditgate.connector.court;

import java.net.URI;
import java.time.Duration;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Secret;
import org.creditgate.spi.config.Settings;

/**
 * Typed configuration of one court connector instance, declared once in {@link #DEF} (the shipped .cfg, the
 * README table and the contract test all follow it).
 */
public record CourtSettings(Settings raw, URI endpoint, String account, Secret password, Duration pollPeriod,
        Duration initialDelay, int pageSize, Duration connectTimeout, Duration receiveTimeout) {

    public static final String ENDPOINT = "endpoint";
    public static final String ACCOUNT = "account";
    public static final String PASSWORD = "password";
    public static final String POLL_PERIOD = "pollPeriod";
    public static final String INITIAL_DELAY = "initialDelay";
    public static final String PAGE_SIZE = "pageSize";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    public static final String RECEIVE_TIMEOUT = "receiveTimeout";

    /** A page is one ingest call, and the core takes at most ingest.maxBatchSize (500) records per call. */
    static final int MAX_PAGE_SIZE = 500;
    private static final Duration MIN_PERIOD = Duration.ofMillis(100);

    public static final ConfigDef DEF = ConfigDef.connector()
            .required(ENDPOINT, ConfigType.STRING,
                    "URL of the court's 失信被执行人 SOAP service (DishonestExecuteeService), http or https.")
            .required(ACCOUNT, ConfigType.STRING, "User name the court issued to the gateway.")
            .required(PASSWORD, ConfigType.PASSWORD,
                    "Password of that user; only as $[secret:…] or $[env:…], never in the file itself.")
            .optional(POLL_PERIOD, ConfigType.DURATION, "15m",
                    "Time between two polls; a poll reads every page the court has after the watermark.")
            .optional(INITIAL_DELAY, ConfigType.DURATION, "10s", "Time from route start to the first poll.")
            .optional(PAGE_SIZE, ConfigType.INT, "200",
                    "Changes asked for per SOAP call (1-500); each page is one ingest call and one watermark step.")
            .optional(CONNECT_TIMEOUT, ConfigType.DURATION, "10s", "TCP connect timeout towards the court.")
            .optional(RECEIVE_TIMEOUT, ConfigType.DURATION, "60s", "Time to wait for the court's answer to one call.")
            .build();

    static CourtSettings from(Settings raw) {
        URI endpoint = endpoint(raw);
        int pageSize = raw.integer(PAGE_SIZE);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw raw.invalid(PAGE_SIZE, pageSize + " is not between 1 and " + MAX_PAGE_SIZE);
        }
        Duration period = raw.duration(POLL_PERIOD);
        if (period.compareTo(MIN_PERIOD) < 0) {
            throw raw.invalid(POLL_PERIOD, period + " is shorter than " + MIN_PERIOD);
        }
        for (String key : new String[] {INITIAL_DELAY, CONNECT_TIMEOUT, RECEIVE_TIMEOUT}) {
            if (raw.duration(key).isNegative()) {
                throw raw.invalid(key, "must not be negative");
            }
        }
        return new CourtSettings(raw, endpoint, raw.string(ACCOUNT), raw.secret(PASSWORD), period,
                raw.duration(INITIAL_DELAY), pageSize, raw.duration(CONNECT_TIMEOUT), raw.duration(RECEIVE_TIMEOUT));
    }

    public boolean autoStartup() {
        return raw.autoStartup();
    }

    private static URI endpoint(Settings raw) {
        String text = raw.string(ENDPOINT);
        try {
            URI uri = URI.create(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the key
        }
        throw raw.invalid(ENDPOINT, "'" + text + "' is not an http(s) URL");
    }

    @Override
    public String toString() {
        // the raw settings mask the password
        return raw.toString();
    }
}
