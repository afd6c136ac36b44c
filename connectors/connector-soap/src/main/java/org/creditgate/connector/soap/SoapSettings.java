package org.creditgate.connector.soap;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Secret;
import org.creditgate.spi.config.Settings;

/**
 * Typed configuration of one SOAP sink instance, declared once in {@link #DEF} (the shipped .cfg, the README table
 * and the tests follow it).
 */
public record SoapSettings(Settings raw, URI endpoint, String sender, Duration connectTimeout,
        Duration receiveTimeout, Optional<String> username, Optional<Secret> password) {

    public static final String ENDPOINT = "endpoint";
    public static final String SENDER = "sender";
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    public static final String RECEIVE_TIMEOUT = "receiveTimeout";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";

    public static final ConfigDef DEF = ConfigDef.builder()
            .required(ConfigDef.DEPARTMENT, ConfigType.STRING,
                    "Id of the upstream platform this sink delivers to (lower-case, e.g. national); names its queue.")
            .optional(ConfigDef.AUTO_START, ConfigType.BOOLEAN, "true",
                    "Start consuming the upstream's queue at once; false installs the sink paused.")
            .optional(ENDPOINT, ConfigType.STRING, "http://127.0.0.1:8302/national/ws/exchange",
                    "URL of the national platform's CreditExchangeService (SOAP 1.1), http or https.")
            .optional(SENDER, ConfigType.STRING, "350100",
                    "The gateway's node code, sent as header.sender of every batch.")
            .optional(CONNECT_TIMEOUT, ConfigType.DURATION, "10s", "TCP connect timeout towards the platform.")
            .optional(RECEIVE_TIMEOUT, ConfigType.DURATION, "30s",
                    "Time to wait for the synchronous receipt of one batch (the platform answers within 30s).")
            .optional(USERNAME, ConfigType.STRING, null,
                    "HTTP Basic user the platform issued to the gateway; empty: no authentication.")
            .optional(PASSWORD, ConfigType.PASSWORD, null,
                    "Its password; only as $[secret:…] or $[env:…], never in the file itself.")
            .build();

    static SoapSettings from(Settings raw) {
        URI endpoint = endpoint(raw);
        for (String key : new String[] {CONNECT_TIMEOUT, RECEIVE_TIMEOUT}) {
            if (raw.duration(key).isNegative() || raw.duration(key).isZero()) {
                throw raw.invalid(key, "must be positive");
            }
        }
        Optional<String> user = raw.optionalString(USERNAME);
        Optional<Secret> password = raw.optionalSecret(PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            throw raw.invalid(password.isPresent() ? USERNAME : PASSWORD, "username and password go together");
        }
        return new SoapSettings(raw, endpoint, raw.string(SENDER), raw.duration(CONNECT_TIMEOUT),
                raw.duration(RECEIVE_TIMEOUT), user, password);
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
