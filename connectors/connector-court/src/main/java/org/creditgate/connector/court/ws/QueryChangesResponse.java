package org.creditgate.connector.court.ws;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** One page of changes in seq order, with the court's newest seq and whether more follow. */
@XmlRootElement(name = "queryChangesResponse")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"lastSeq", "hasMore", "change"})
public class QueryChangesResponse {

    private long lastSeq;
    private boolean hasMore;
    @XmlElement(name = "change")
    private List<ExecuteeChange> change = new ArrayList<>();

    public QueryChangesResponse() {
    }

    public QueryChangesResponse(long lastSeq, boolean hasMore, List<ExecuteeChange> changes) {
        this.lastSeq = lastSeq;
        this.hasMore = hasMore;
        this.change = new ArrayList<>(changes);
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public boolean isHasMore() {
        return hasMore;
    }

    public List<ExecuteeChange> getChanges() {
        return change == null ? List.of() : change;
    }
}
