package org.creditgate.connector.xmlfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.creditgate.spi.delivery.DeliveryRef;

/**
 * A GSXT receipt file, read with StAX (no DTD, no external entities): {@code <receipt ackFor status …>} with
 * batch-level {@code <error code field msg/>} and {@code <result recordId version status>} children carrying their
 * own errors.
 */
record Receipt(String ackFor, String status, List<Error> errors, List<Result> results) {

    static final String ACCEPTED = "ACCEPTED";

    record Error(String code, String field, String msg) {
        @Override
        public String toString() {
            return code + "(" + field + ") " + msg;
        }
    }

    record Result(DeliveryRef ref, String status, List<Error> errors) {
        boolean accepted() {
            return ACCEPTED.equals(status);
        }
    }

    /** {@code "REJECTED: E_RULE(field) msg; …"}: a result's errors, else the batch's. */
    static String text(String status, List<Error> errors) {
        return errors.isEmpty() ? status
                : status + ": " + errors.stream().map(Error::toString).collect(Collectors.joining("; "));
    }

    static Receipt read(Path file) throws IOException {
        XMLInputFactory f = XMLInputFactory.newInstance();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            String ackFor = null;
            String status = null;
            List<Error> errors = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            Result open = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "receipt" -> {
                            ackFor = attr(r, "ackFor");
                            status = attr(r, "status");
                        }
                        case "result" -> open = new Result(new DeliveryRef(attr(r, "recordId"),
                                Integer.parseInt(attr(r, "version"))), attr(r, "status"), new ArrayList<>());
                        case "error" -> (open == null ? errors : open.errors()).add(
                                new Error(attr(r, "code"), attr(r, "field"), attr(r, "msg")));
                        default -> {
                            // unknown elements are ignored
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "result".equals(r.getLocalName())) {
                    results.add(open);
                    open = null;
                }
            }
            r.close();
            if (ackFor == null || ackFor.isBlank() || status == null) {
                throw new IOException(file.getFileName() + " is not a receipt (no <receipt ackFor status>)");
            }
            return new Receipt(ackFor, status, List.copyOf(errors), List.copyOf(results));
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException(file.getFileName() + " is not a readable receipt: " + e.getMessage(), e);
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }
}
