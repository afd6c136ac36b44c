package org.creditgate.simulators.upstream.gsxt;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import org.creditgate.simulators.upstream.core.BodyItem;
import org.creditgate.simulators.upstream.core.Envelope;
import org.creditgate.simulators.upstream.core.EnvelopeException;
import org.creditgate.simulators.upstream.core.EnvelopeHeader;

/**
 * Reads a GSXT batch file: {@code <batch msgId msgType dataset schemaVersion sender receiver sentAt nonce
 * recordCount>} with {@code <record recordId version op cause?>} children of {@code <field name="…">value</field>};
 * a name given more than once becomes a list. No namespace, UTF-8, no DTD.
 */
final class GsxtBatchXml {

    private GsxtBatchXml() {
    }

    /** The batch as an envelope; the header's recordCount is the manifest's count (the declared one). */
    static Envelope read(byte[] xml, GsxtManifest manifest) {
        Element root = parse(xml).getDocumentElement();
        if (!"batch".equals(root.getTagName())) {
            throw new EnvelopeException("E_FORMAT", "batch", "root element must be <batch>: " + root.getTagName());
        }
        String msgId = attr(root, "msgId");
        if (!manifest.batchId().equals(msgId)) {
            throw new EnvelopeException("E_MANIFEST", "batchId", "manifest batchId " + manifest.batchId()
                    + " but the file's msgId is " + msgId);
        }
        if (!manifest.dataset().equals(attr(root, "dataset"))) {
            throw new EnvelopeException("E_MANIFEST", "dataset", "manifest dataset " + manifest.dataset()
                    + " but the file's dataset is " + attr(root, "dataset"));
        }
        String msgType = attr(root, "msgType") == null ? EnvelopeHeader.DATA : attr(root, "msgType");
        EnvelopeHeader header = new EnvelopeHeader(msgId, msgType, manifest.dataset(), attr(root, "schemaVersion"),
                attr(root, "sender"), attr(root, "receiver"), attr(root, "sentAt"), attr(root, "nonce"),
                manifest.count(), manifest.sm3());
        List<BodyItem> items = new ArrayList<>();
        for (Element r : children(root, "record")) {
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            for (Element f : children(r, "field")) {
                String name = f.getAttribute("name");
                JsonNode before = data.get(name);
                if (before == null) {
                    data.put(name, f.getTextContent());
                } else if (before.isArray()) {
                    ((ArrayNode) before).add(f.getTextContent());
                } else {
                    data.putArray(name).add(before).add(f.getTextContent());
                }
            }
            int version = parseVersion(attr(r, "version"));
            BodyItem item = new BodyItem(attr(r, "recordId"), version, attr(r, "op"), attr(r, "cause"), data);
            items.add(item);
        }
        // the digest is the manifest's SM3 of the file, checked by the caller: no JSON body to keep
        return new Envelope(header, items, null);
    }

    private static int parseVersion(String v) {
        try {
            return v == null ? 0 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new EnvelopeException("E_FORMAT", "", "not a well-formed batch file: " + e.getMessage());
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && name.equals(e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
