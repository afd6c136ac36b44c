package org.creditgate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alert.Severity;
import org.junit.jupiter.api.Test;

/** The alert as JSON, its masking of personal ID numbers, and the de-duplication and retry of {@link Alerts}. */
class AlertTest {

    private static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
    private static final String ID_NO = "11010519491231002X";

    private static Alert alert(String id, AlertClass c) {
        return Alert.of(id, c, Severity.WARNING, "upstream:province", "rec-1", "something " + id, AT);
    }

    @Test
    void jsonCarriesEveryFieldAndReadsBack() throws Exception {
        Alert a = new Alert("shield-overdue:sh-1:province", AlertClass.SHIELD_OVERDUE, Severity.WARNING,
                "upstream:province", List.of("sh-1", "rec-9"), "shield SLA: shield sh-1 to province", AT);

        JsonNode json = new ObjectMapper().readTree(a.toJson());

        assertThat(json.fieldNames()).toIterable().containsExactly("alertId", "class", "severity", "component",
                "subjectIds", "message", "raisedAt");
        assertThat(json.path("class").asText()).isEqualTo("SHIELD_OVERDUE");
        assertThat(json.path("raisedAt").asText()).isEqualTo("2026-11-30T02:00:00Z");
        assertThat(Alert.fromJson(a.toJson())).isEqualTo(a);
        assertThat(a.logLine()).isEqualTo("ALERT shield SLA: shield sh-1 to province");
    }

    @Test
    void personalIdNumbersAreMaskedInMessageAndSubjects() {
        Alert a = new Alert("x:" + ID_NO, AlertClass.RECONCILIATION, Severity.WARNING, "upstream:national",
                List.of(ID_NO), "reconciliation: subject " + ID_NO + " unknown to us", AT);

        assertThat(a.toJson()).doesNotContain(ID_NO).contains("110105********002X");
        assertThat(a.subjectIds()).containsExactly("110105********002X");
    }

    @Test
    void notAnAlertIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Alert.fromJson("{\"alertId\":\"a\",\"class\":\"NOPE\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an alert");
    }

    @Test
    void anAlertRaisedAgainIsPublishedAndKeptOnce() {
        List<String> published = new CopyOnWriteArrayList<>();
        try (Alerts alerts = new Alerts(a -> published.add(a.alertId()), 10, Duration.ofMinutes(1))) {
            alerts.raise(alert("a", AlertClass.STALL));
            alerts.raise(alert("a", AlertClass.STALL));
            alerts.raise(alert("b", AlertClass.DLQ));

            await().atMost(Duration.ofSeconds(5)).until(() -> published.size() == 2);
            assertThat(published).containsExactly("a", "b");
            assertThat(alerts.recent(null, 10)).extracting(Alert::alertId).containsExactly("b", "a");
            assertThat(alerts.recent(AlertClass.DLQ, 10)).extracting(Alert::alertId).containsExactly("b");
        }
    }

    @Test
    void onlyTheLastKeepAreListedNewestFirst() {
        try (Alerts alerts = new Alerts(a -> { }, 2, Duration.ofMinutes(1))) {
            alerts.raise(alert("a", AlertClass.STALL));
            alerts.raise(alert("b", AlertClass.STALL));
            alerts.raise(alert("c", AlertClass.STALL));

            assertThat(alerts.recent(null, 10)).extracting(Alert::alertId).containsExactly("c", "b");
            assertThat(alerts.recent(null, 1)).extracting(Alert::alertId).containsExactly("c");
        }
    }

    @Test
    void anAlertTheBrokerRefusedIsPublishedOnTheNextTry() {
        AtomicInteger calls = new AtomicInteger();
        List<String> published = new CopyOnWriteArrayList<>();
        try (Alerts alerts = new Alerts(a -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("broker down");
            }
            published.add(a.alertId());
        }, 10, Duration.ofMillis(100))) {
            alerts.raise(alert("a", AlertClass.HEALTH));

            await().atMost(Duration.ofSeconds(5)).until(() -> alerts.pending() == 0);
            assertThat(published).containsExactly("a");
            assertThat(calls.get()).isEqualTo(2);
        }
    }

    @Test
    void webhookSettingsRefuseBadValuesWithTheKey() {
        assertThat(WebhookSettings.classes("")).containsExactlyInAnyOrder(AlertClass.values());
        assertThat(WebhookSettings.classes("stall, DLQ")).containsExactlyInAnyOrder(AlertClass.STALL,
                AlertClass.DLQ);
        assertThatThrownBy(() -> WebhookSettings.classes("STALL,LOUD"))
                .hasMessageContaining("alerts.webhook.classes").hasMessageContaining("LOUD");
        assertThat(WebhookSettings.url(" ")).isEmpty();
        assertThatThrownBy(() -> WebhookSettings.url("ftp://x/y")).hasMessageContaining("alerts.webhook.url");
    }
}
