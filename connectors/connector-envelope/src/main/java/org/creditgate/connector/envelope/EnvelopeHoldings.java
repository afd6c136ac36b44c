package org.creditgate.connector.envelope;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.model.CanonicalJson;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;

/**
 * Reconciliation queries of a REST envelope upstream (upstream-simulators/README.md, "Common queries"):
 * {@code GET <url>/holdings[?dataset=D]} and {@code GET <url>/status?recordId=R&version=V}, with the sink's
 * credentials and timeouts. A status answer is HELD when the upstream holds this version, REJECTED when its last
 * result for it was a refusal, else NOT_HELD (never arrived, or acknowledged and lost).
 */
final class EnvelopeHoldings implements UpstreamHoldings {

    private final EnvelopeSettings settings;
    private final HttpClient http;

    EnvelopeHoldings(EnvelopeSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<Holding> holdings(String dataset) {
        JsonNode json = get("/holdings" + (dataset == null ? "" : "?dataset=" + encode(dataset)));
        List<Holding> out = new ArrayList<>();
        for (JsonNode h : json.path("holdings")) {
            out.add(new Holding(h.path("recordId").asText(), h.path("dataset").asText(null), h.path("version").asInt(),
                    h.path("withdrawn").asBoolean(false)));
        }
        return out;
    }

    @Override
    public RecordStatus status(DeliveryRef ref) {
        JsonNode json = get("/status?recordId=" + encode(ref.recordId()) + "&version=" + ref.version());
        return EnvelopeHoldings.status(json);
    }

    /** The common status answer, as the national and gsxt admin ports give it too. */
    static RecordStatus status(JsonNode json) {
        JsonNode holding = json.path("holding");
        Integer heldVersion = holding.isObject() ? holding.path("version").asInt() : null;
        if (json.path("held").asBoolean(false)) {
            return new RecordStatus(State.HELD, heldVersion, null);
        }
        JsonNode last = json.path("lastResult");
        if ("REJECTED".equals(last.path("status").asText())) {
            List<String> errors = new ArrayList<>();
            last.path("errors").forEach(e -> errors.add(e.path("code").asText() + " " + e.path("field").asText() + ": "
                    + e.path("msg").asText()));
            return new RecordStatus(State.REJECTED, heldVersion,
                    PublicProjection.maskIdNumbersIn(String.join("; ", errors)));
        }
        return new RecordStatus(State.NOT_HELD, heldVersion, null);
    }

    private JsonNode get(String pathAndQuery) {
        URI uri = URI.create(settings.url() + pathAndQuery);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.readTimeout())
                .header("Accept", "application/json").GET();
        if (settings.username() != null) {
            String pass = settings.password() == null ? "" : settings.password().reveal();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (settings.username() + ":" + pass).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new UpstreamUnavailableException("GET " + uri.getPath() + ": HTTP " + response.statusCode());
            }
            return CanonicalJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UpstreamUnavailableException("GET " + uri.getPath() + ": " + settings.url().getAuthority()
                    + " did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("GET " + uri.getPath() + ": interrupted");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
