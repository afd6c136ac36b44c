package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The province's push window in a booted distribution: outside the window new records wait on the upstream's queue
 * while a correction of a record the province already holds goes out at once on the real-time lane, and a
 * correction of a waiting record waits behind it; when the window opens (here: the routing table is edited live)
 * the waiting versions arrive once each, in order.
 */
class PushWindowIT {

    private static final Duration SOON = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final ProvinceSimulator province = new ProvinceSimulator().start(0);

    @Test
    void recordsWaitForTheWindowAndCorrectionsOfDeliveredRecordsDoNot() throws Exception {
        karaf = KarafInstance.fresh("push-window");
        karaf.editEtc("org.creditgate.core.cfg", "schedule.tickMs = 10000", "schedule.tickMs = 1000");
        karaf.start().awaitHealthy(Duration.ofSeconds(90));
        karaf.writeEtc("org.creditgate.connector.envelope-province.cfg", "department = province\nurl = "
                + province.url() + "\nsubmitPath = /batches\nreceipts = ASYNC\nreceiptPollPeriod = 1s\n");
        karaf.installFeature("creditgate-connector-province");
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        // B reaches the province while it has no window
        String b = accepted(bureau.push(List.of(SamrSimulator.penalty(1)))).get(0);
        await().atMost(SOON).until(() -> province.store().holds(b, 1));

        // a window that opens half a day from now: closed
        int hour = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(12).getHour();
        karaf.pushWindows(Map.of("province", "schedule = 0 " + hour + " * * *\nwindow = 1h\nrealtime = UPDATE, SHIELD"));
        await().atMost(SOON).untilAsserted(() -> {
            JsonNode s = province(schedules());
            assertThat(s.path("windowed").asBoolean()).as(s.toString()).isTrue();
            assertThat(s.path("open").asBoolean()).as(s.toString()).isFalse();
            assertThat(s.path("nextOpening").asText()).as(s.toString()).isNotEmpty();
            assertThat(s.path("lanes").path("envelope-province.lane-scheduled").asText()).as(s.toString())
                    .isEqualTo("Stopped");
        });

        String a = accepted(bureau.push(List.of(SamrSimulator.penalty(2)))).get(0);
        accepted(bureau.push(List.of(corrected(SamrSimulator.penalty(2)))));
        accepted(bureau.push(List.of(corrected(SamrSimulator.penalty(1)))));

        await("B v2 on the real-time lane").atMost(SOON).until(() -> province.store().holds(b, 2));
        assertThat(province.store().holds(a, 1)).as("A waits for the window").isFalse();
        assertThat(deliveryState(a, 1)).isEqualTo("QUEUED");
        assertThat(deliveryState(a, 2)).isEqualTo("QUEUED");

        // the window opens: every minute, for an hour
        karaf.pushWindows(Map.of("province", "schedule = * * * * *\nwindow = 1h"));
        await().atMost(SOON).until(() -> province.store().holds(a, 2));
        assertThat(province.store().timesReceived(a, 1)).isEqualTo(1);
        List<StoredItem> arrivals = province.store().data().stream().filter(i -> i.recordId().equals(a)).toList();
        assertThat(arrivals).extracting(StoredItem::version).as("in order, once each").containsExactly(1, 2);
        assertThat(province.store().duplicateCount()).isZero();
        assertThat(province(schedules()).path("open").asBoolean()).isTrue();
        await().atMost(SOON).untilAsserted(() -> assertThat(deliveryState(a, 2)).isEqualTo("ACCEPTED"));
    }

    private static ObjectNode corrected(ObjectNode penalty) {
        return penalty.put("op", "UPDATE").put("CF_NR", "罚款人民币3000元").put("CF_NR_FK", "0.3");
    }

    private JsonNode schedules() throws Exception {
        return Samples.JSON.readTree(karaf.operator("GET", "/schedules", null).body());
    }

    private static JsonNode province(JsonNode schedules) {
        for (JsonNode s : schedules) {
            if (s.path("upstream").asText().equals("province")) {
                return s;
            }
        }
        throw new AssertionError("no province in " + schedules);
    }

    private String deliveryState(String recordId, int version) throws Exception {
        JsonNode record = Samples.JSON.readTree(karaf.get("/records/" + recordId, "scjgj-demo-token").body());
        for (JsonNode d : record.path("deliveries")) {
            if (d.path("upstream").asText().equals("province") && d.path("version").asInt() == version) {
                return d.path("state").asText();
            }
        }
        return "none";
    }

    private static List<String> accepted(SamrSimulator.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        answer.body().path("results").forEach(r -> {
            assertThat(r.path("status").asText()).as(r.toString()).isIn("ACCEPTED");
            ids.add(r.path("recordId").asText());
        });
        return ids;
    }
}
