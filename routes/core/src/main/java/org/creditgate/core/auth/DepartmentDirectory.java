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
 * Departments and their bearer tokens, from org.creditgate.departments.cfg ({@code <id>.name}, {@code <id>.token}).
 * Edits apply at once ({@link Modified}): adding or revoking a department needs no restart.
 */
@Component(service = DepartmentDirectory.class, configurationPid = DepartmentDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
public class DepartmentDirectory {

    static final String PID = "org.creditgate.departments";
    private static final Logger LOG = LoggerFactory.getLogger(DepartmentDirectory.class);
    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(token|name)");

    private record Entry(Department department, byte[] tokenDigest) {
    }

    private volatile List<Entry> entries = List.of();

    public DepartmentDirectory() {
    }

    /** For tests and tools outside OSGi. */
    public DepartmentDirectory(Map<String, ?> config) {
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
                .map(e -> new Entry(new Department(e.getKey(), names.getOrDefault(e.getKey(), e.getKey())),
                        digest(e.getValue())))
                .toList();
        entries = fresh;
        LOG.info("{}: {} department(s) may push records: {}", PID, fresh.size(),
                fresh.stream().map(e -> e.department().id()).sorted().toList());
    }

    /**
     * The department owning {@code token}, if any. Compares digests in constant time and checks every entry, so
     * the answer time does not reveal how much of a token was right.
     */
    public Optional<Department> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = digest(token.trim());
        Department match = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.tokenDigest(), presented)) {
                match = e.department();
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
