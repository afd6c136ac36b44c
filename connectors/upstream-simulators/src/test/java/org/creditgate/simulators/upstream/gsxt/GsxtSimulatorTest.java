package org.creditgate.simulators.upstream.gsxt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.creditgate.model.crypto.Sm3;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Writes batch files and manifests as the gateway will, and reads the receipt files back. */
class GsxtSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private GsxtSimulator sim;
    private Path exchange;
    private Path receipts;

    @BeforeEach
    void start() {
        exchange = dir.resolve("exchange");
        receipts = dir.resolve("receipts");
        sim = new GsxtSimulator(exchange, receipts).start(0, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void batchFileWithManifestIsStoredAndReceiptedAndMovedToProcessed() throws IOException {
        Batch batch = new Batch("B001", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款"))
                .record("r2", 1, "ADD", Map.of("CF_WSH", "x", "measureCodes", List.of("C0101", "C0203")));

        batch.write(exchange);

        Element receipt = awaitReceipt("B001");
        assertThat(receipt.getAttribute("ackFor")).isEqualTo("B001");
        assertThat(receipt.getAttribute("status")).isEqualTo("ACCEPTED");
        assertThat(receipt.getAttribute("received")).isEqualTo("2");
        assertThat(receipt.getElementsByTagName("result").getLength()).isEqualTo(2);
        assertThat(sim.store().data()).extracting(StoredItem::recordId).containsExactly("r1", "r2");
        assertThat(sim.store().data().get(0).payload().path("CF_CFLB").asText()).isEqualTo("罚款");
        assertThat(sim.store().data().get(1).payload().path("measureCodes")).hasSize(2);
        assertThat(exchange.resolve("processed/B001.xml")).exists();
        assertThat(exchange.resolve("processed/B001.manifest.json")).exists();
        assertThat(exchange.resolve("B001.xml")).doesNotExist();
        var holdings = Json.read(Files.readAllBytes(receipts.resolve(GsxtSimulator.HOLDINGS_FILE)));
        assertThat(holdings.path("count").asInt()).isEqualTo(2);
        assertThat(TestHttp.get(sim.adminUrl() + "/gsxt/v1/status?msgId=B001").body().path("state").asText())
                .isEqualTo("DONE");
    }

    @Test
    void manifestChecksRejectWrongSm3WrongCountAndMissingFile() throws IOException {
        new Batch("B002", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款")).sm3("00")
                .write(exchange);
        new Batch("B003", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款")).count(5)
                .write(exchange);
        Batch missing = new Batch("B004", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款"));
        missing.write(exchange);
        Files.delete(exchange.resolve("B004.xml")); // (written before the manifest in real life; gone here)

        assertThat(errorCode(awaitReceipt("B002"))).isEqualTo("E_DIGEST");
        Element countReceipt = awaitReceipt("B003");
        assertThat(countReceipt.getAttribute("status")).isEqualTo("REJECTED");
        assertThat(errorCode(countReceipt)).isEqualTo("E_COUNT");
        Element missingReceipt = awaitReceipt("B004");
        assertThat(missingReceipt.getAttribute("status")).isEqualTo("REJECTED");
        assertThat(errorCode(missingReceipt)).isEqualTo(GsxtSimulator.E_MANIFEST);
        assertThat(sim.store().data()).isEmpty();
    }

    @Test
    void outageLeavesFilesUntilItEnds() throws IOException {
        sim.misbehaviour().outageFor(Duration.ofMinutes(5));
        new Batch("B005", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款")).write(exchange);

        assertThat(sim.scan()).isZero();
        assertThat(exchange.resolve("B005.manifest.json")).exists();

        sim.misbehaviour().clearOutages();
        assertThat(awaitReceipt("B005").getAttribute("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void rejectRuleShieldsDuplicatesAndDuplicateReceiptFiles() throws IOException {
        sim.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "CF_CFLB", "警告", "E_NOT_PUBLISHED"))
                .duplicateReceipts(1);
        new Batch("B006", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款"))
                .record("r2", 1, "ADD", penalty("91350100M000100Y43", "警告")).write(exchange);
        awaitReceipt("B006");
        new Batch("B007", "DATA").record("r1", 1, "ADD", penalty("91350100M000100Y43", "罚款")).write(exchange);
        awaitReceipt("B007");
        new Batch("B008", "SHIELD").shield("r1", 1, "REPAIR").write(exchange);

        Element shieldReceipt = awaitReceipt("B008");
        assertThat(shieldReceipt.getAttribute("status")).isEqualTo("ACCEPTED");
        Element first = parse(receipts.resolve("B006.receipt.xml"));
        assertThat(first.getAttribute("status")).isEqualTo("PARTIAL");
        assertThat(errorCode(first)).isEqualTo("E_NOT_PUBLISHED");
        assertThat(receipts.resolve("B006.dup1.receipt.xml")).hasSameTextualContentAs(
                receipts.resolve("B006.receipt.xml"));
        assertThat(sim.store().duplicates()).containsOnlyKeys("DATA:r1:1");
        assertThat(sim.store().shields()).singleElement().extracting(StoredItem::cause).isEqualTo("REPAIR");
        assertThat(sim.store().holding("r1")).get().extracting(h -> h.shielded()).isEqualTo(true);
    }

    private Element awaitReceipt(String batchId) {
        Path file = receipts.resolve(batchId + GsxtSimulator.RECEIPT_SUFFIX);
        await().atMost(WAIT).until(() -> Files.exists(file));
        return parse(file);
    }

    private static String errorCode(Element receipt) {
        return ((Element) receipt.getElementsByTagName("error").item(0)).getAttribute("code");
    }

    private static Element parse(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> penalty(String uscc, String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CF_WSH", "榕市监罚〔2026〕12号");
        m.put("CF_XDR_MC", "福州某某科技有限公司 & <分公司>");
        m.put("CF_XDR_SHXYM", uscc);
        m.put("CF_CFLB", kind);
        return m;
    }

    /** A batch as the gateway writes it: data file first, then the manifest (atomically, by rename). */
    private static final class Batch {
        private final String id;
        private final String msgType;
        private final List<String> records = new ArrayList<>();
        private Integer count;
        private String sm3;

        Batch(String id, String msgType) {
            this.id = id;
            this.msgType = msgType;
        }

        Batch record(String recordId, int version, String op, Map<String, Object> fields) {
            StringBuilder b = new StringBuilder("  <record recordId=\"" + recordId + "\" version=\"" + version
                    + "\" op=\"" + op + "\">\n");
            fields.forEach((k, v) -> {
                for (Object each : v instanceof List<?> l ? l : List.of(v)) {
                    b.append("    <field name=\"").append(k).append("\">").append(esc(each.toString()))
                            .append("</field>\n");
                }
            });
            records.add(b.append("  </record>\n").toString());
            return this;
        }

        Batch shield(String recordId, int version, String cause) {
            records.add("  <record recordId=\"" + recordId + "\" version=\"" + version + "\" cause=\"" + cause
                    + "\">\n    <field name=\"shieldId\">PB-1</field>\n  </record>\n");
            return this;
        }

        Batch count(int n) {
            count = n;
            return this;
        }

        Batch sm3(String s) {
            sm3 = s;
            return this;
        }

        void write(Path exchange) throws IOException {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<batch msgId=\"" + id + "\" msgType=\"" + msgType
                    + "\" dataset=\"PENALTY\" schemaVersion=\"2021\" sender=\"350100-city\" receiver=\"gsxt\" "
                    + "sentAt=\"2026-11-20T01:00:00+08:00\" nonce=\"n-" + id + "\" recordCount=\"" + records.size()
                    + "\">\n" + String.join("", records) + "</batch>\n";
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            Files.createDirectories(exchange);
            Files.write(exchange.resolve(id + ".xml"), bytes);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("batchId", id);
            manifest.put("dataset", "PENALTY");
            manifest.put("msgType", msgType);
            manifest.put("file", id + ".xml");
            manifest.put("count", count != null ? count : records.size());
            manifest.put("sm3", sm3 != null ? sm3 : Sm3.hex(bytes));
            manifest.put("generatedAt", "2026-11-20T01:00:00+08:00");
            Path tmp = exchange.resolve(id + ".manifest.json.tmp");
            Files.writeString(tmp, Json.write(manifest));
            Files.move(tmp, exchange.resolve(id + ".manifest.json"));
        }

        private static String esc(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
