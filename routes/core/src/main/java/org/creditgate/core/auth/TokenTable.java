package org.creditgate.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bearer tokens of a set of callers, read from a configuration of {@code <id>.name} and {@code <id>.token} keys
 * (departments, upstream platforms). Tokens are held only as SHA-256 digests and never logged; a lookup compares
 * digests in constant time over every entry, so the answer time does not reveal how much of a token was right.
 *
 * @param <T> the caller a token stands for
 */
final class TokenTable<T> {

    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(token|name)");

    private record Entry<T>(T caller, byte[] tokenDigest) {
    }

    private final List<Entry<T>> entries;
    private final List<String> ids;

    private TokenTable(List<Entry<T>> entries, List<String> ids) {
        this.entries = entries;
        this.ids = ids;
    }

    static <T> TokenTable<T> empty() {
        return new TokenTable<>(List.of(), List.of());
    }

    /** @param caller makes the caller from its id and name (the id when no name is configured) */
    static <T> TokenTable<T> of(Map<String, ?> config, BiFunction<String, String, T> caller) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        config.forEach((key, value) -> {
            Matcher m = KEY.matcher(key);
            if (m.matches() && value != null) {
                (m.group(2).equals("token") ? tokens : names).put(m.group(1), value.toString().trim());
            }
        });
        List<Map.Entry<String, String>> withToken = tokens.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .toList();
        return new TokenTable<>(withToken.stream().map(e -> new Entry<>(caller.apply(e.getKey(),
                names.getOrDefault(e.getKey(), e.getKey())), digest(e.getValue()))).toList(),
                withToken.stream().map(Map.Entry::getKey).sorted().toList());
    }

    /** The configured ids that have a token, sorted (for the log line). */
    List<String> ids() {
        return ids;
    }

    Optional<T> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] presented = digest(token.trim());
        T match = null;
        for (Entry<T> e : entries) {
            if (MessageDigest.isEqual(e.tokenDigest(), presented)) {
                match = e.caller();
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
