package org.creditgate.connector.envelope;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.creditgate.spi.config.ConfigDef;
import org.creditgate.spi.config.ConfigType;
import org.creditgate.spi.config.Secret;
import org.creditgate.spi.config.Settings;

/**
 * Typed configuration of an envelope sink instance. {@link #toString()} masks the password.
 *
 * @param url               upstream base URL, without a trailing '/'
 * @param submitPath        path of the envelope POST under {@code url}
 * @param receipts          SYNC: the POST answers with the receipt; ASYNC: 202, receipt polled
 * @param receiptPollPeriod ASYNC: how often outstanding receipts are polled
 * @param receiptTimeout    ASYNC: no receipt after this long → the delivery is reported UNKNOWN
 * @param publicView        send the record's public projection (masked ID numbers, no legal-rep ID number)
 * @param sender            sender node id in the envelope header
 * @param schemaVersion     schemaVersion in the envelope header
 * @param connectTimeout    HTTP connect timeout
 * @param readTimeout       HTTP request timeout (whole answer)
 * @param username          HTTP Basic user, or null
 * @param password          HTTP Basic password (secret), or null
 */
public record EnvelopeSettings(URI url, String submitPath, ReceiptMode receipts, Duration receiptPollPeriod,
        Duration receiptTimeout, boolean publicView, String sender, String schemaVersion, Duration connectTimeout,
        Duration readTimeout, String username, Secret password) {

    /** How the upstream answers. */
    public enum ReceiptMode {
        SYNC,
        ASYNC
    }

    static final String URL = "url";
    static final String SUBMIT_PATH = "submitPath";
    static final String RECEIPTS = "receipts";
    static final String RECEIPT_POLL_PERIOD = "receiptPollPeriod";
    static final String RECEIPT_TIMEOUT = "receiptTimeout";
    static final String PUBLIC_VIEW = "publicView";
    static final String SENDER = "sender";
    static final String SCHEMA_VERSION = "schemaVersion";
    static final String CONNECT_TIMEOUT = "connectTimeout";
    static final String READ_TIMEOUT = "readTimeout";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    static final ConfigDef CONFIG = ConfigDef.connector()
            .required(URL, ConfigType.STRING, "Base URL of the upstream's REST exchange API (http or https), e.g. "
                    + "http://127.0.0.1:8301/province/v1")
            .optional(SUBMIT_PATH, ConfigType.STRING, "/batches", "Path under url the envelope is POSTed to")
            .optional(RECEIPTS, ConfigType.STRING, "SYNC", "SYNC: the POST answers with the receipt; ASYNC: the POST "
                    + "answers 202 and the receipt is polled from <url>/receipts/<msgId>")
            .optional(RECEIPT_POLL_PERIOD, ConfigType.DURATION, "10s", "ASYNC: how often outstanding receipts are polled")
            .optional(RECEIPT_TIMEOUT, ConfigType.DURATION, "2h", "ASYNC: no receipt after this long → the delivery "
                    + "is reported UNKNOWN (reconciliation queries and resends)")
            .optional(PUBLIC_VIEW, ConfigType.BOOLEAN, "false", "Send the record's public projection (domain.md §8): "
                    + "personal ID numbers masked, legal representatives' ID numbers left out; unpublishable records "
                    + "are not sent")
            .optional(SENDER, ConfigType.STRING, "350100", "Sender node id in the envelope header (our platform's "
                    + "exchange node, usually the region code)")
            .optional(SCHEMA_VERSION, ConfigType.STRING, "2021", "schemaVersion in the envelope header")
            .optional(CONNECT_TIMEOUT, ConfigType.DURATION, "5s", "HTTP connect timeout")
            .optional(READ_TIMEOUT, ConfigType.DURATION, "30s", "HTTP timeout for the whole answer (sync receipts "
                    + "come within 30 s, domain.md §7.2)")
            .optional(USERNAME, ConfigType.STRING, null, "HTTP Basic user name; empty: no authentication")
            .optional(PASSWORD, ConfigType.PASSWORD, null, "HTTP Basic password; supply it as $[secret:…] or $[env:…]")
            .build();

    static EnvelopeSettings from(Settings raw) {
        URI url = url(raw);
        String path = raw.string(SUBMIT_PATH);
        if (!path.startsWith("/")) {
            throw raw.invalid(SUBMIT_PATH, "'" + path + "' must start with '/'");
        }
        ReceiptMode mode;
        try {
            mode = ReceiptMode.valueOf(raw.string(RECEIPTS).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw raw.invalid(RECEIPTS, "'" + raw.string(RECEIPTS) + "' must be SYNC or ASYNC");
        }
        positive(raw, RECEIPT_POLL_PERIOD);
        positive(raw, RECEIPT_TIMEOUT);
        positive(raw, CONNECT_TIMEOUT);
        positive(raw, READ_TIMEOUT);
        String user = raw.optionalString(USERNAME).orElse(null);
        Secret password = raw.optionalSecret(PASSWORD).orElse(null);
        if (password != null && user == null) {
            throw raw.invalid(PASSWORD, "is set but username is not");
        }
        return new EnvelopeSettings(url, path, mode, raw.duration(RECEIPT_POLL_PERIOD), raw.duration(RECEIPT_TIMEOUT),
                raw.bool(PUBLIC_VIEW), raw.string(SENDER), raw.string(SCHEMA_VERSION), raw.duration(CONNECT_TIMEOUT),
                raw.duration(READ_TIMEOUT), user, password);
    }

    private static URI url(Settings raw) {
        String text = raw.string(URL);
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw raw.invalid(URL, "'" + text + "' is not an http(s) URL");
        }
    }

    private static void positive(Settings raw, String key) {
        Duration d = raw.duration(key);
        if (d.isZero() || d.isNegative()) {
            throw raw.invalid(key, d + " must be positive");
        }
    }

    /** {@code <url><submitPath>} */
    URI submitUri() {
        return URI.create(url + submitPath);
    }

    @Override
    public String toString() {
        return "{url=" + url + ", submitPath=" + submitPath + ", receipts=" + receipts + ", receiptPollPeriod="
                + receiptPollPeriod + ", receiptTimeout=" + receiptTimeout + ", publicView=" + publicView + ", sender="
                + sender + ", schemaVersion=" + schemaVersion + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", username=" + username + ", password=" + (password == null ? "" : Secret.MASK) + "}";
    }
}
