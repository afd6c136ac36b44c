package org.creditgate.connector.xmlfile;

import org.creditgate.spi.delivery.UpstreamMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.crypto.Sm3;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;

/**
 * Writes one queued record version as a GSXT batch: {@code <batchId>.xml} (UTF-8, written to a temp name, forced to
 * disk, renamed), then the manifest {@code <batchId>.manifest.json} with the SM3 of exactly those bytes, also
 * temp + rename — its appearance tells the upstream the batch is complete. Before that rename the batch is recorded
 * as pending and reported SENT, so a fast receipt can never be overtaken by the SENT report. Any I/O failure throws:
 * the message is not acknowledged and comes back; a half-written batch never has a manifest.
 */
final class BatchWriter implements Processor {

    static final String DATA = "DATA";
    static final String SCHEMA_VERSION = "2021";
    static final String XML = ".xml";
    static final String MANIFEST = ".manifest.json";
    static final String TMP = ".tmp";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final XmlFileSettings settings;
    private final ConnectorDescriptor descriptor;
    private final ConnectorContext context;
    private final PendingBatches pending;

    BatchWriter(XmlFileSettings settings, ConnectorDescriptor descriptor, ConnectorContext context,
            PendingBatches pending) {
        this.settings = settings;
        this.descriptor = descriptor;
        this.context = context;
        this.pending = pending;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        UpstreamMessage m = UpstreamMessage.of(exchange.getIn());
        Clock clock = context.clock();
        String batchId = BatchIds.next(m.ref(), clock.millis());
        String sentAt = OffsetDateTime.now(clock.withZone(BEIJING)).truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] xml = batchXml(batchId, m, sentAt);

        Path dir = settings.exchangeDir();
        Files.createDirectories(dir);
        Path manifestTmp = dir.resolve(batchId + MANIFEST + TMP);
        writeDurably(dir.resolve(batchId + XML + TMP), xml);
        Files.move(dir.resolve(batchId + XML + TMP), dir.resolve(batchId + XML), StandardCopyOption.ATOMIC_MOVE);
        writeDurably(manifestTmp, manifest(batchId, m, Sm3.hex(xml), sentAt));
        pending.add(batchId);
        context.deliveries().sent(List.of(m.ref()), batchId);
        Files.move(manifestTmp, dir.resolve(batchId + MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    private byte[] batchXml(String batchId, UpstreamMessage m, String sentAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("batch");
            w.writeAttribute("msgId", batchId);
            w.writeAttribute("msgType", m.msgType());
            w.writeAttribute("dataset", m.dataset());
            w.writeAttribute("schemaVersion", SCHEMA_VERSION);
            w.writeAttribute("sender", settings.sender());
            w.writeAttribute("receiver", descriptor.department());
            w.writeAttribute("sentAt", sentAt);
            w.writeAttribute("nonce", UUID.randomUUID().toString().replace("-", ""));
            w.writeAttribute("recordCount", "1");
            w.writeStartElement("record");
            // a SHIELD file names the version GSXT holds and the cause; the batch id keeps the shield's own ref
            w.writeAttribute("recordId", m.itemRef().recordId());
            w.writeAttribute("version", Integer.toString(m.itemRef().version()));
            w.writeAttribute("op", m.op());
            if (m.shield() != null) {
                w.writeAttribute("cause", m.shield().cause());
            }
            m.data().fields().forEachRemaining(e -> fields(w, e.getKey(), e.getValue()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a batch in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** A flat value as one field, a list as the same field name repeated. */
    private static void fields(XMLStreamWriter w, String name, JsonNode value) {
        try {
            Iterable<JsonNode> values = value.isArray() ? value : List.of(value);
            for (JsonNode v : values) {
                w.writeStartElement("field");
                w.writeAttribute("name", name);
                w.writeCharacters(v.asText());
                w.writeEndElement();
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a batch in memory cannot fail", e);
        }
    }

    private static byte[] manifest(String batchId, UpstreamMessage m, String sm3, String generatedAt)
            throws JsonProcessingException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("batchId", batchId).put("dataset", m.dataset()).put("msgType", m.msgType()).put("file", batchId + XML)
                .put("count", 1).put("sm3", sm3).put("generatedAt", generatedAt);
        return CanonicalJson.mapper().writeValueAsBytes(n);
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }
}
