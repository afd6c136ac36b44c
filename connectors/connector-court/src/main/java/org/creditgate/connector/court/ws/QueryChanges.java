package org.creditgate.connector.court.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlRootElement;
import javax.xml.bind.annotation.XmlType;

/** Request: the changes after {@code afterSeq}, at most {@code maxRows}. */
@XmlRootElement(name = "queryChanges")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "", propOrder = {"account", "password", "afterSeq", "maxRows"})
public class QueryChanges {

    private String account;
    private String password;
    private long afterSeq;
    private int maxRows;

    public QueryChanges() {
    }

    public QueryChanges(String account, String password, long afterSeq, int maxRows) {
        this.account = account;
        this.password = password;
        this.afterSeq = afterSeq;
        this.maxRows = maxRows;
    }

    public String getAccount() {
        return account;
    }

    public String getPassword() {
        return password;
    }

    public long getAfterSeq() {
        return afterSeq;
    }

    public int getMaxRows() {
        return maxRows;
    }

    @Override
    public String toString() {
        // the password never appears in logs
        return "queryChanges[account=" + account + ", afterSeq=" + afterSeq + ", maxRows=" + maxRows + "]";
    }
}
