package org.creditgate.model.crypto;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.model.CanonicalJson;

/**
 * The envelope's {@code header.digest} (domain.md §7.2): lower-case hex SM3 of the UTF-8 bytes of the body's
 * canonical form — the body array written compactly by {@link CanonicalJson#mapper()} (no whitespace, decimals
 * plain, non-ASCII characters as raw UTF-8) after sorting object members by name at every level and removing
 * members whose value is null. Array order is kept.
 */
public final class BodyDigest {

    private BodyDigest() {
    }

    /** The canonical bytes' SM3, hex. */
    public static String of(JsonNode body) {
        return Sm3.hex(canonicalBytes(body));
    }

    public static byte[] canonicalBytes(JsonNode body) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(canonical(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** A copy with sorted members and without null members. */
    public static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    names.add(e.getKey());
                }
            }
            names.sort(null);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            names.forEach(n -> sorted.set(n, canonical(node.get(n))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> copy.add(canonical(e)));
            return copy;
        }
        return node;
    }
}
