package org.creditgate.core.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's files, read once from this bundle and answered by name. Only a fixed list of flat names is served,
 * so a request path can never reach another resource of the bundle (no directories, no "..").
 */
public final class ConsoleAssets {

    static final String INDEX = "index.html";
    private static final List<String> FILES = List.of(INDEX, "console.css", "console.js", "charts.js", "favicon.svg");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html;charset=UTF-8", "css",
            "text/css;charset=UTF-8", "js", "text/javascript;charset=UTF-8", "svg", "image/svg+xml");

    /** One file: its bytes, content type and a strong ETag (the page is small; a reload revalidates). */
    public record Asset(String name, byte[] body, String contentType, String etag) {
    }

    private final Map<String, Asset> assets;

    private ConsoleAssets(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** Loads the console's files from {@code loader} (under org/creditgate/core/console/). */
    public static ConsoleAssets load(ClassLoader loader) {
        Map<String, Asset> all = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = loader.getResourceAsStream("org/creditgate/core/console/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("console file " + name + " missing from the core bundle");
                }
                byte[] body = in.readAllBytes();
                all.put(name, new Asset(name, body, TYPES.get(name.substring(name.lastIndexOf('.') + 1)),
                        "\"" + sha256(body).substring(0, 16) + "\""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ConsoleAssets(Map.copyOf(all));
    }

    /**
     * The file a request path (after /console) names: "" and "/" are the page itself; anything not a served name is
     * empty, whatever it contains.
     */
    public Optional<Asset> find(String pathInfo) {
        String name = pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/") ? INDEX
                : pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(assets.get(name));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings the page reads first (GET /console/settings.json). */
    static byte[] settings(String apiBase, long refreshMs) {
        return ("{\"apiBase\":\"" + apiBase + "\",\"refreshMs\":" + refreshMs + "}").getBytes(StandardCharsets.UTF_8);
    }
}
