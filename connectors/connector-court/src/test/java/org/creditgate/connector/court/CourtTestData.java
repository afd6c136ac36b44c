package org.creditgate.connector.court;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import org.creditgate.connector.court.ws.ExecuteeChange;

/** Court changes for the translator tests, at fixed times. */
final class CourtTestData {

    private CourtTestData() {
    }

    static ExecuteeChange deleted(ExecuteeChange data, long seq, String ref) {
        try {
            return data.setSeq(seq).setChangeType(ExecuteeChange.DELETED).setDeleteRef(ref)
                    .setChangeTime(DatatypeFactory.newInstance().newXMLGregorianCalendar("2026-11-20T09:30:00+08:00"));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
