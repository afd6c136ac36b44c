package org.creditgate.connector.envelope;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.creditgate.model.CanonicalJson;
import org.creditgate.model.publication.PublicProjection;

/**
 * The upstream's REST exchange API over {@link HttpClient}: submit an envelope, fetch a receipt, query a message's
 * status. Failures are classified here, once: no answer, 5xx, 401/403/408/429 → {@link UpstreamUnavailableException}
 * (retry later; 404/405 too: a wrong url is configuration, not the message); another 4xx on a submit → {@link PoisonException} (the envelope itself is refused).
 */
final class UpstreamClient {

    /** A 2xx answer. */
    record Answer(int status, JsonNode json) {
    }

    /** 4xx answers that say "try again later" or "fix the configuration or credentials", not "this message is wrong". */
    private static final Set<Integer> TRANSIENT_4XX = Set.of(401, 403, 404, 405, 407, 408, 425, 429);

    private final EnvelopeSettings settings;
    private final String id;
    private final HttpClient http;

    UpstreamClient(EnvelopeSettings settings, String id) {
        this.settings = settings;
        this.id = id;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs an envelope. */
    Answer submit(String msgId, byte[] envelope) {
        HttpRequest request = request(settings.submitUri())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
        HttpResponse<byte[]> response = send(request, "submit " + msgId);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return new Answer(status, json(response));
        }
        String why = "submit " + msgId + ": HTTP " + status + " " + describe(response);
        if (status / 100 == 4 && !TRANSIENT_4XX.contains(status)) {
            throw new PoisonException(why);
        }
        throw new UpstreamUnavailableException(why);
    }

    /** GET {@code <url>/receipts/<msgId>}: 200 the receipt, 202 pending (json without results), 404 unknown. */
    Answer receipt(String msgId) {
        return get(URI.create(settings.url() + "/receipts/" + encode(msgId)), "receipt " + msgId, true);
    }

    /** GET {@code <url>/status?msgId=…}: {@code {state: UNKNOWN|PENDING|DONE, receipt?}}. */
    Answer status(String msgId) {
        return get(URI.create(settings.url() + "/status?msgId=" + encode(msgId)), "status " + msgId, false);
    }

    private Answer get(URI uri, String what, boolean notFoundIsAnswer) {
        HttpResponse<byte[]> response = send(request(uri).GET().build(), what);
        int status = response.statusCode();
        if (status / 100 == 2 || notFoundIsAnswer && status == 404) {
            return new Answer(status, json(response));
        }
        throw new UpstreamUnavailableException(what + ": HTTP " + status + " " + describe(response));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Accept", "application/json");
        if (settings.username() != null) {
            String pass = settings.password() == null ? "" : settings.password().reveal();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + pass).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UpstreamUnavailableException(what + ": " + settings.url().getAuthority() + " did not answer ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException(what + ": interrupted");
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            byte[] body = response.body();
            return body == null || body.length == 0 ? MissingNode.getInstance() : CanonicalJson.mapper().readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** {@code E_CODE field: msg} of an error answer, or its first characters; ID numbers masked. */
    private static String describe(HttpResponse<byte[]> response) {
        JsonNode json = json(response);
        String text = json.has("code")
                ? json.path("code").asText() + (json.path("field").asText("").isEmpty() ? "" : " "
                        + json.path("field").asText()) + ": " + json.path("msg").asText("")
                : new String(response.body() == null ? new byte[0] : response.body(), StandardCharsets.UTF_8);
        text = text.replaceAll("\\s+", " ").strip();
        return PublicProjection.maskIdNumbersIn(text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return id + " → " + settings.url();
    }
}
