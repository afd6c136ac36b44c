package org.creditgate.connector.soap.ws;

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlType;

/** One record's result. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "result", propOrder = {"recordId", "version", "status", "errors"})
public class WsResult {
    public String recordId;
    public int version;
    public String status;
    @XmlElement(name = "error")
    public List<WsError> errors = new ArrayList<>();
}
