package org.creditgate.core.alert;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.runtime.CoreConfig;

/**
 * The {@code alerts.*} keys of {@link CoreConfig}, checked at activation like the rest of CoreSettings: a bad value
 * fails activation with the PID and the key.
 *
 * @param url      where alerts are POSTed; empty: no webhook
 * @param classes  which classes are POSTed (all when the key is empty)
 * @param timeout  connect and answer timeout of one POST
 * @param maxTries POSTs of one alert (the broker redelivers in between) before it is dead-lettered
 */
public record WebhookSettings(Optional<URI> url, Set<AlertClass> classes, Duration timeout, int maxTries) {

    public static WebhookSettings from(CoreConfig c) {
        return new WebhookSettings(url(c.alerts_webhook_url()), classes(c.alerts_webhook_classes()),
                Duration.ofMillis(atLeast("alerts.webhook.timeoutMs", c.alerts_webhook_timeoutMs(), 100)),
                (int) atLeast("alerts.webhook.maxTries", c.alerts_webhook_maxTries(), 1));
    }

    /** The number of alerts GET /api/v1/alerts keeps. */
    public static int keep(CoreConfig c) {
        return (int) atLeast("alerts.keep", c.alerts_keep(), 1);
    }

    /** Whether an alert of this class goes to the webhook. */
    public boolean wants(AlertClass alertClass) {
        return classes.contains(alertClass);
    }

    /** Scheme, host and port only: the path or query of a webhook URL often carries its token. */
    public String where() {
        return url.map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .orElse("(off)");
    }

    static Optional<URI> url(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = URI.create(value.strip());
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme())
                    || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL with a host");
            }
            return Optional.of(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CoreConfig.PID + ": alerts.webhook.url is not an http(s) URL: "
                    + e.getMessage(), e);
        }
    }

    static Set<AlertClass> classes(String value) {
        Set<AlertClass> out = EnumSet.noneOf(AlertClass.class);
        if (value != null) {
            for (String word : value.split(",")) {
                if (word.isBlank()) {
                    continue;
                }
                try {
                    out.add(AlertClass.valueOf(word.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(CoreConfig.PID + ": alerts.webhook.classes: \"" + word.strip()
                            + "\" is not one of " + EnumSet.allOf(AlertClass.class), e);
                }
            }
        }
        return out.isEmpty() ? EnumSet.allOf(AlertClass.class) : out;
    }

    private static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(CoreConfig.PID + ": " + key + " must be at least " + min + ", got "
                    + value);
        }
        return value;
    }
}
