package org.creditgate.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped .cfg files are the documentation of every option: each key the code reads is in its file with the
 * code's default, and the file has no key the code ignores.
 */
class ShippedConfigTest {

    static java.util.stream.Stream<Arguments> pids() {
        return java.util.stream.Stream.of(
                Arguments.of("org.creditgate.core.cfg", CoreConfig.class),
                Arguments.of("org.creditgate.ledger.cfg", LedgerConfig.class),
                Arguments.of("org.creditgate.cluster.cfg", ClusterMember.ClusterConfig.class));
    }

    @ParameterizedTest
    @MethodSource("pids")
    void shippedFileMatchesTheCodeDefaults(String file, Class<?> config) throws Exception {
        Properties shipped = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../config", file), StandardCharsets.UTF_8)) {
            shipped.load(r);
        }
        Map<String, String> defaults = Arrays.stream(config.getDeclaredMethods())
                .filter(m -> m.getDefaultValue() != null)
                .collect(Collectors.toMap(ShippedConfigTest::key, m -> String.valueOf(m.getDefaultValue()),
                        (a, b) -> a, TreeMap::new));
        Map<String, String> inFile = new TreeMap<>();
        shipped.forEach((k, v) -> inFile.put(k.toString(), v.toString()));
        assertThat(inFile).isEqualTo(defaults);
    }

    /** DS maps a single underscore in an attribute method name to a dot in the property name. */
    private static String key(Method m) {
        return m.getName().replace('_', '.');
    }
}
