package org.creditgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BodyDigestTest {

    /** As the simulators read a request: decimals kept exactly as written. */
    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return org.creditgate.model.CanonicalJson.mapper().reader()
                    .without(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void canonicalFormSortsMembersDropsNullsKeepsDecimalsAndUtf8() {
        var body = read("[{\"version\":1,\"recordId\":\"r1\",\"cause\":null,"
                + "\"data\":{\"b\":\"福州\",\"a\":0.100000,\"c\":[2,1]},\"op\":\"ADD\"}]");

        String canonical = new String(BodyDigest.canonicalBytes(body), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("[{\"data\":{\"a\":0.100000,\"b\":\"福州\",\"c\":[2,1]},\"op\":\"ADD\","
                + "\"recordId\":\"r1\",\"version\":1}]");
        assertThat(BodyDigest.of(body)).isEqualTo(Sm3.hex(canonical));
    }

    @Test
    void memberOrderAndWhitespaceOfTheSenderDoNotChangeTheDigest() {
        var a = read("[{\"recordId\":\"r1\",\"version\":2,\"op\":\"UPDATE\",\"data\":{\"x\":\"1\",\"y\":\"2\"}}]");
        var b = read("[ { \"data\" : {\"y\":\"2\",\"x\":\"1\"}, \"op\":\"UPDATE\","
                + "\"version\":2,\"recordId\":\"r1\"} ]");

        assertThat(BodyDigest.of(a)).isEqualTo(BodyDigest.of(b)).hasSize(64);
    }
}
