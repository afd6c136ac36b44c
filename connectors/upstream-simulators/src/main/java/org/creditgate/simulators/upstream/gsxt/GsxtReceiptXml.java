package org.creditgate.simulators.upstream.gsxt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.creditgate.simulators.upstream.core.Receipt;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.RecordResult;

/**
 * Writes a receipt file: {@code <receipt ackFor upstream status received accepted rejected receivedAt>} with
 * batch-level {@code <error code field msg/>} and {@code <result recordId version status>} children (each with its
 * {@code <error/>}s).
 */
final class GsxtReceiptXml {

    private GsxtReceiptXml() {
    }

    static byte[] write(Receipt r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("receipt");
            w.writeAttribute("ackFor", r.ackFor());
            w.writeAttribute("upstream", r.upstream());
            w.writeAttribute("status", r.status());
            w.writeAttribute("received", Integer.toString(r.received()));
            w.writeAttribute("accepted", Integer.toString(r.accepted()));
            w.writeAttribute("rejected", Integer.toString(r.rejected()));
            w.writeAttribute("receivedAt", r.receivedAt());
            for (RecordError e : r.errors()) {
                error(w, e);
            }
            for (RecordResult res : r.results()) {
                w.writeStartElement("result");
                w.writeAttribute("recordId", String.valueOf(res.recordId()));
                w.writeAttribute("version", Integer.toString(res.version()));
                w.writeAttribute("status", res.status());
                for (RecordError e : res.errors()) {
                    error(w, e);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing a receipt in memory cannot fail", e);
        }
        return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    }

    private static void error(XMLStreamWriter w, RecordError e) throws XMLStreamException {
        w.writeEmptyElement("error");
        w.writeAttribute("code", e.code());
        w.writeAttribute("field", String.valueOf(e.field()));
        w.writeAttribute("msg", String.valueOf(e.msg()));
    }
}
