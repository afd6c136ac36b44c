package org.creditgate.connector.file.read;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX over XLSX parts, with DTDs and external entities off (XXE): the files come from outside. */
final class Xml {

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        // the JDK's own implementation, not whatever a bundle exports: predictable inside Karaf
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /**
     * The text of a rich-text container ({@code <si>} or {@code <is>}): its {@code <t>} elements, directly or in
     * {@code <r>} runs, without phonetic guides ({@code <rPh>}). The reader is on the container's start tag and
     * ends on its end tag.
     */
    static String richText(XMLStreamReader r) throws XMLStreamException {
        String container = r.getLocalName();
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("rPh")) {
                    phonetic++;
                } else if (r.getLocalName().equals("t") && phonetic == 0) {
                    text.append(r.getElementText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("rPh")) {
                    phonetic--;
                } else if (r.getLocalName().equals(container)) {
                    break;
                }
            }
        }
        return text.toString();
    }

    static String attr(XMLStreamReader r, String name) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(name)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }
}
