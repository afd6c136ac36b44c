package org.creditgate.spi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Text-to-value parsing of the configuration types, with errors that name the PID, the key and the rule. */
public final class ConfigValues {

    private ConfigValues() {
    }

    static Object parse(String pid, ConfigKey key, String text) {
        try {
            return switch (key.type()) {
                case STRING -> text;
                case INT -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case BOOLEAN -> bool(text);
                case DURATION -> duration(text);
                case LIST -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                case PATH -> path(text);
                case PASSWORD -> new Secret(text);
                case PREFIX -> text;
            };
        } catch (RuntimeException e) {
            // never echo the value of a secret key in the error
            String shown = key.secret() ? Secret.MASK : "'" + text + "'";
            throw new ConfigException(pid, key.name(), shown + " is not a valid " + describe(key.type()));
        }
    }

    private static String describe(ConfigType type) {
        return switch (type) {
            case INT, LONG -> "integer";
            case BOOLEAN -> "boolean (true or false)";
            case DURATION -> "duration (e.g. 30s, 5m, PT1H)";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Relative paths are relative to the Karaf home (not to whatever directory Karaf was started from). */
    private static Path path(String text) {
        Path p = Path.of(text);
        String home = System.getProperty("karaf.home");
        return p.isAbsolute() || home == null ? p : Path.of(home).resolve(p);
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    /**
     * {@code 500ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d} or ISO-8601 ({@code PT4H}); public for the few
     * configuration tables that are not a connector's {@link Settings} (the routing table).
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
        for (String unit : List.of("ms", "s", "m", "h", "d")) {
            if (t.endsWith(unit) && t.length() > unit.length()
                    && Character.isDigit(t.charAt(t.length() - unit.length() - 1))) {
                long n = Long.parseLong(t.substring(0, t.length() - unit.length()).trim());
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        }
        return Duration.ofMillis(Long.parseLong(t));
    }
}
