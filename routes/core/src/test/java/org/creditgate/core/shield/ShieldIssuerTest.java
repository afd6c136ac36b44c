package org.creditgate.core.shield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.Shield;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.Test;

class ShieldIssuerTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T02:00:00Z"), ZoneOffset.UTC);
    private static final RecordHead PENALTY = new RecordHead("R-PEN-1", "PENALTY", "K1", "samr", 2, "h",
            RecordState.QUEUED, Instant.EPOCH);

    private final List<IngestRequest> sent = new ArrayList<>();
    private final ShieldIssuer issuer = new ShieldIssuer(r -> {
        sent.add(r);
        return new IngestResult(List.of(RecordResult.accepted(0, "SHIELD", "S-1", 1, List.of())));
    }, CLOCK, BEIJING);

    private ValidationOutcome validated(IngestRequest request) {
        return new RecordValidator().validate(request.body(),
                new ValidationContext(LocalDate.of(2026, 11, 30), WorkingDayCalendar.fromClasspath()));
    }

    @Test
    void issuesAValidShieldThroughIngestAsTheIssuer() {
        ShieldIssuer.Issued issued = issuer.issue(ShieldIssuer.GATEWAY, "expiry", new ShieldIssuer.Request(PENALTY,
                Shield.Cause.EXPIRED, null, "发改办财金〔2019〕527号", null, Set.of("creditchina")));

        assertEquals("GW-EXPIRED-R-PEN-1", issued.shieldId());
        assertEquals("S-1", issued.result().recordId());
        IngestRequest request = sent.get(0);
        assertEquals("gateway", request.department());
        assertEquals("expiry", request.channel());
        ValidationOutcome outcome = validated(request);
        assertTrue(outcome.valid(), () -> "the issued shield must pass the model's rules: " + outcome.errors());
        Shield shield = (Shield) outcome.record();
        assertEquals("R-PEN-1", shield.targetRecordId());
        assertEquals("K1", shield.targetBusinessKey());
        assertEquals(List.of("creditchina"), shield.targets());
        assertEquals(OffsetDateTime.parse("2026-11-30T10:00:00+08:00"), shield.effectiveAt());
    }

    @Test
    void theSameCauseTwiceIsTheSameShieldWhenTheTimeIsGiven() {
        OffsetDateTime at = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        var request = new ShieldIssuer.Request(PENALTY, Shield.Cause.REPAIR, null, null, at, List.of());
        issuer.issue(ShieldIssuer.GATEWAY, "repair", request);
        issuer.issue(ShieldIssuer.GATEWAY, "repair", request);

        assertEquals(sent.get(0).body(), sent.get(1).body(), "a re-issue must be an identical resend");
        assertEquals("2026-01-01T08:00+08:00", sent.get(0).body().get("effectiveAt").asText(),
                "effective time in business time");
        assertFalse(sent.get(0).body().has("targets"), "no targets = every holder");
    }

    @Test
    void anExplicitIdAndALongIssuerAreKept() {
        String operator = "operator:" + "x".repeat(80);
        issuer.issue(operator, "operator", new ShieldIssuer.Request(PENALTY, Shield.Cause.REVOKED, "SH-9", "复议决定",
                null, List.of()));

        assertEquals("SH-9", sent.get(0).body().get("shieldId").asText());
        assertEquals(64, sent.get(0).department().length());
    }
}
