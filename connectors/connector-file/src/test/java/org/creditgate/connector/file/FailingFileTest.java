package org.creditgate.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.Watermark;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose processing fails for a reason other than the core being down stays, and does not block others. */
class FailingFileTest extends CamelTestSupport {

    @TempDir
    Path drop;

    private TestGateway gateway;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        FileDropConnector connector = new FileDropConnector(Map.of("department", "example", "dir", drop.toString(),
                "pollInterval", "100ms", "layout.list.files", "list_*.csv", "layout.list.const.dataset", "LIST"));
        gateway = new TestGateway(connector.descriptor());
        return connector.routes(new FailingFor("list_poison", gateway));
    }

    @AfterEach
    void closeGateway() {
        gateway.close();
    }

    @Test
    void aFailingFileStaysAndTheNextFileIsProcessed() throws Exception {
        Path poison = Drops.dropCsv(drop, "list_poison.csv", Drops.rows(1, 1), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(poison, FileTime.from(Instant.now().minusSeconds(60)));
        Drops.dropCsv(drop, "list_ok.csv", Drops.rows(2, 1), StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(drop.resolve("done/list_ok.csv")));
        assertThat(poison).exists();
        assertThat(drop.resolve("error")).doesNotExist();
        assertThat(gateway.queuedVersions()).isEqualTo(1);
    }

    /** The gateway, except that records from one file make ingest fail with an unexpected error. */
    private record FailingFor(String filePrefix, TestGateway gateway) implements ConnectorContext {
        @Override
        public IngestResult ingest(List<JsonNode> records) {
            if (records.stream().anyMatch(r -> r.path("sourceRef").asText().startsWith(filePrefix))) {
                throw new IllegalStateException("unexpected failure for " + filePrefix);
            }
            return gateway.ingest(records);
        }

        @Override
        public ConnectorDescriptor descriptor() {
            return gateway.descriptor();
        }

        @Override
        public Watermark watermark() {
            return gateway.watermark();
        }

        @Override
        public void sourceTime(Instant newestRead) {
            gateway.sourceTime(newestRead);
        }

        @Override
        public Path workDir() {
            return gateway.workDir();
        }

        @Override
        public Clock clock() {
            return gateway.clock();
        }
    }
}
