package org.creditgate.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream platforms and their bearer tokens, from org.creditgate.upstreams.cfg ({@code <id>.name},
 * {@code <id>.token}), kept apart from the departments' so that a platform's token never pushes department records
 * and a department's never speaks for a platform. Edits apply at once. Tokens are held only as SHA-256 digests and
 * never logged.
 */
@Component(service = UpstreamDirectory.class, configurationPid = UpstreamDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class UpstreamDirectory {

    static final String PID = "org.creditgate.upstreams";
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamDirectory.class);
    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(token|name)");

    private record Entry(UpstreamPlatform platform, byte[] tokenDigest) {
    }

    private volatile List<Entry> entries = List.of();

    public UpstreamDirectory() {
    }

    /** For tests and tools outside OSGi. */
    public UpstreamDirectory(Map<String, ?> config) {
        update(config);
    }

    @Activate
    @Modified
    void update(Map<String, ?> config) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        config.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && value != null) {
                (m.group(2).equals("token") ? tokens : names).put(m.group(1), value.toString().trim());
            }
        });
        List<Entry> fresh = tokens.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Entry(new UpstreamPlatform(e.getKey(), names.getOrDefault(e.getKey(), e.getKey())),
                        digest(e.getValue())))
                .toList();
        entries = fresh;
        LOG.info("{}: {} upstream platform(s) may push repairs: {}", PID, fresh.size(),
                fresh.stream().map(e -> e.platform().id()).sorted().toList());
    }

    /**
     * The platform owning {@code token}, if any: digests compared in constant time over every entry, so the answer
     * time does not tell how much of a token was right.
     */
    public Optional<UpstreamPlatform> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = digest(token.trim());
        UpstreamPlatform match = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.tokenDigest(), presented)) {
                match = e.platform();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
