package org.creditgate.connector.court.ws;

import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;
import javax.xml.datatype.XMLGregorianCalendar;

import org.creditgate.model.Masking;

/**
 * One change of the court's 失信被执行人 list, in the court's own field names. Values are kept exactly as the court
 * sent them (dates as text): checking them is the gateway's job, so bad court data becomes a field-level rejection.
 * Setters return {@code this} for the simulator and tests.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ExecuteeChange", propOrder = {"seq", "changeType", "changeTime", "deleteRef", "iname", "partyTypeName", "cardNum", "businessEntity", "sexy", "age", "caseCode", "courtName", "gistId", "gistUnit", "duty", "performance", "disruptTypeName", "regDate", "publishDate"})
public class ExecuteeChange {

    /** {@code changeType} values. */
    public static final String NEW = "NEW";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";

    private long seq;
    private String changeType;
    @XmlSchemaType(name = "dateTime")
    private XMLGregorianCalendar changeTime;
    private String deleteRef;
    private String iname;
    private String partyTypeName;
    private String cardNum;
    private String businessEntity;
    private String sexy;
    private Integer age;
    private String caseCode;
    private String courtName;
    private String gistId;
    private String gistUnit;
    private String duty;
    private String performance;
    private String disruptTypeName;
    private String regDate;
    private String publishDate;

    public long getSeq() {
        return seq;
    }

    public ExecuteeChange setSeq(long value) {
        this.seq = value;
        return this;
    }

    public String getChangeType() {
        return changeType;
    }

    public ExecuteeChange setChangeType(String value) {
        this.changeType = value;
        return this;
    }

    public XMLGregorianCalendar getChangeTime() {
        return changeTime;
    }

    public ExecuteeChange setChangeTime(XMLGregorianCalendar value) {
        this.changeTime = value;
        return this;
    }

    public String getDeleteRef() {
        return deleteRef;
    }

    public ExecuteeChange setDeleteRef(String value) {
        this.deleteRef = value;
        return this;
    }

    public String getIname() {
        return iname;
    }

    public ExecuteeChange setIname(String value) {
        this.iname = value;
        return this;
    }

    public String getPartyTypeName() {
        return partyTypeName;
    }

    public ExecuteeChange setPartyTypeName(String value) {
        this.partyTypeName = value;
        return this;
    }

    public String getCardNum() {
        return cardNum;
    }

    public ExecuteeChange setCardNum(String value) {
        this.cardNum = value;
        return this;
    }

    public String getBusinessEntity() {
        return businessEntity;
    }

    public ExecuteeChange setBusinessEntity(String value) {
        this.businessEntity = value;
        return this;
    }

    public String getSexy() {
        return sexy;
    }

    public ExecuteeChange setSexy(String value) {
        this.sexy = value;
        return this;
    }

    public Integer getAge() {
        return age;
    }

    public ExecuteeChange setAge(Integer value) {
        this.age = value;
        return this;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public ExecuteeChange setCaseCode(String value) {
        this.caseCode = value;
        return this;
    }

    public String getCourtName() {
        return courtName;
    }

    public ExecuteeChange setCourtName(String value) {
        this.courtName = value;
        return this;
    }

    public String getGistId() {
        return gistId;
    }

    public ExecuteeChange setGistId(String value) {
        this.gistId = value;
        return this;
    }

    public String getGistUnit() {
        return gistUnit;
    }

    public ExecuteeChange setGistUnit(String value) {
        this.gistUnit = value;
        return this;
    }

    public String getDuty() {
        return duty;
    }

    public ExecuteeChange setDuty(String value) {
        this.duty = value;
        return this;
    }

    public String getPerformance() {
        return performance;
    }

    public ExecuteeChange setPerformance(String value) {
        this.performance = value;
        return this;
    }

    public String getDisruptTypeName() {
        return disruptTypeName;
    }

    public ExecuteeChange setDisruptTypeName(String value) {
        this.disruptTypeName = value;
        return this;
    }

    public String getRegDate() {
        return regDate;
    }

    public ExecuteeChange setRegDate(String value) {
        this.regDate = value;
        return this;
    }

    public String getPublishDate() {
        return publishDate;
    }

    public ExecuteeChange setPublishDate(String value) {
        this.publishDate = value;
        return this;
    }

    @Override
    public String toString() {
        // cardNum is a personal ID number for persons: masked wherever this ends up
        return "ExecuteeChange[seq=" + seq + ", " + changeType + ", caseCode=" + caseCode + ", court=" + courtName
                + ", cardNum=" + Masking.idNo(cardNum) + "]";
    }
}
