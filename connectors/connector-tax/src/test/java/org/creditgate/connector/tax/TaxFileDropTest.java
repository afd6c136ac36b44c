package org.creditgate.connector.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.connector.file.FileDropConnector;
import org.creditgate.connector.tax.sim.TaxSimulator;
import org.creditgate.connector.tax.sim.TaxSimulator.Format;
import org.creditgate.connector.tax.sim.TaxSimulator.ListType;
import org.creditgate.model.ListEntry;
import org.creditgate.model.CanonicalJson;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tax bureau's files through the shipped file-swj layouts: every format the simulator writes, red and black
 * lists mapped to complete LIST records, bad rows named by their Chinese column.
 */
class TaxFileDropTest extends CamelTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path drop;

    private TestGateway gateway;
    private TaxSimulator sim;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FileDropConnector connector = new FileDropConnector(ShippedConfig.forTest(drop));
        assertThat(connector.problem()).isEmpty();
        assertThat(connector.descriptor().id()).isEqualTo("file-swj");
        gateway = new TestGateway(connector.descriptor());
        sim = new TaxSimulator(drop);
        return connector.routes(gateway);
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void redListFilesInEveryFormatBecomeCompleteRedListEntries(Format format) throws Exception {
        Path file = sim.drop(ListType.RED, format, 1, 3);
        JsonNode result = result(file);
        assertThat(result.get("layout").asText()).isEqualTo("red");
        assertThat(result.get("summary").get("accepted").asInt()).as("result %s", result).isEqualTo(3);

        ListEntry entry = (ListEntry) CanonicalJson.read(gateway.enqueued().get(0).payload());
        assertThat(entry.listKind()).isEqualTo(ListEntry.Kind.RED);
        assertThat(entry.listName()).isEqualTo("纳税信用A级纳税人");
        assertThat(entry.subject().uscc()).isEqualTo(TaxSimulator.uscc(1, false));
        assertThat(entry.subject().subjectName()).isEqualTo("福州市某某商贸有限公司1");
        assertThat(entry.subject().legalRep()).isEqualTo("张1");
        assertThat(entry.basisDocNo()).isEqualTo("榕税信评〔2026〕1号");
        assertThat(entry.decidingUnit()).isEqualTo("国家税务总局福州市税务局");
        assertThat(entry.listedOn()).hasToString("2026-04-30");
        assertThat(entry.listedUntil()).hasToString("2027-04-29");
        assertThat(entry.basis()).startsWith("《纳税信用管理办法》");
    }

    @Test
    void aBlackListWithBadRowsIngestsTheGoodOnesAndNamesTheColumnOfTheBadOnes() throws Exception {
        Path file = sim.drop(ListType.BLACK, Format.CSV_GBK, 101, 4, Set.of(102, 104));
        JsonNode result = result(file);
        assertThat(result.get("format").asText()).isEqualTo("CSV GBK");
        assertThat(result.get("summary").toString())
                .isEqualTo("{\"rows\":4,\"accepted\":2,\"alreadyAccepted\":0,\"rejected\":2}");
        JsonNode bad = result.get("rows").get(1);
        assertThat(bad.get("row").asInt()).isEqualTo(3);
        assertThat(bad.get("status").asText()).isEqualTo("REJECTED");
        assertThat(bad.get("errors").get(0).get("code").asText()).isEqualTo("E_USCC_CHECK");
        assertThat(bad.get("errors").get(0).get("column").asText()).isEqualTo(TaxSimulator.BAD_COLUMN);

        ListEntry entry = (ListEntry) CanonicalJson.read(gateway.enqueued().get(0).payload());
        assertThat(entry.listKind()).isEqualTo(ListEntry.Kind.BLACK);
        assertThat(entry.reason()).startsWith("虚开增值税专用发票");
        assertThat(entry.measureCodes()).containsExactly("C0101", "C0203");
        assertThat(gateway.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.payload()).contains("#"));
    }

    @Test
    void theDemoDropsAreAllProcessed() throws Exception {
        TaxSimulator.main(new String[] {drop.toString()});
        await().atMost(WAIT).untilAsserted(() -> assertThat(gateway.count(IngestStatus.ACCEPTED)
                + gateway.count(IngestStatus.REJECTED)).isEqualTo(14));
        assertThat(gateway.count(IngestStatus.REJECTED)).isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Files.list(drop.resolve("done"))
                .filter(p -> p.toString().endsWith(".result.json"))).hasSize(4));
    }

    private JsonNode result(Path dataFile) throws Exception {
        Path result = drop.resolve("done").resolve(dataFile.getFileName() + ".result.json");
        await().atMost(WAIT).until(() -> Files.exists(result));
        return JSON.readTree(result.toFile());
    }
}
