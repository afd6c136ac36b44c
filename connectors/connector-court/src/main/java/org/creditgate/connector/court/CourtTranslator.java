package org.creditgate.connector.court;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.court.ws.ExecuteeChange;
import org.creditgate.model.Dataset;
import org.creditgate.model.RecordIds;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;

/**
 * Court change → gateway record (JSON in canonical names). Pure: no I/O, no logging. It renames and shapes, it
 * does not judge: a bad court value is passed on as is, so ingest rejects it with the field named.
 *
 * <p>NEW → executee {@code op ADD}; MODIFIED → {@code op UPDATE}; DELETED (撤销/屏蔽 by the court) → a SHIELD with
 * cause COURT_DELETED aimed at the executee's gateway id, which is derived from its business key exactly as the
 * core derives it (the model parses the record, {@link RecordIds} hashes the key).
 */
final class CourtTranslator {

    static final String PERSON = "自然人";
    static final String ORGANISATION = "法人及非法人组织";
    static final String INDIVIDUAL_BUSINESS = "个体工商户";
    /** The court's 当事人类型 wording → the national 行政相对人类别; anything else passes through (→ E_ENUM). */
    private static final Map<String, String> CATEGORIES = Map.of(PERSON, PERSON, "法人或其他组织", ORGANISATION,
            "法人", ORGANISATION, "其他组织", ORGANISATION, "非法人组织", ORGANISATION, ORGANISATION, ORGANISATION,
            INDIVIDUAL_BUSINESS, INDIVIDUAL_BUSINESS);
    /** The court lists persons by 身份证号码 only (法释〔2017〕7号 art. 6). */
    private static final String ID_CARD = "身份证";
    private static final int USCC_LENGTH = 18;
    /** The court's clock when a change time carries no offset. */
    private static final ZoneId COURT_ZONE = ZoneId.of("Asia/Shanghai");
    /** China keeps no daylight saving time: the court's offset is always +08:00. */
    private static final ZoneOffset COURT_OFFSET = ZoneOffset.ofHours(8);

    private final RecordValidator validator = new RecordValidator();
    private final WorkingDayCalendar calendar = WorkingDayCalendar.fromClasspath();
    private final Clock clock;

    CourtTranslator(Clock clock) {
        this.clock = clock;
    }

    /** What one page becomes; {@code undeliverable} are deletions with no record to shield (see {@link #shield}). */
    record Translation(List<JsonNode> records, List<String> refs, List<ExecuteeChange> undeliverable) {
    }

    Translation translate(List<ExecuteeChange> changes) {
        List<JsonNode> records = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<ExecuteeChange> undeliverable = new ArrayList<>();
        for (ExecuteeChange c : changes) {
            Optional<ObjectNode> record = ExecuteeChange.DELETED.equals(c.getChangeType()) ? shield(c)
                    : Optional.of(executee(c));
            if (record.isPresent()) {
                records.add(record.get());
                refs.add("seq " + c.getSeq() + " " + c.getChangeType() + " " + c.getCaseCode());
            } else {
                undeliverable.add(c);
            }
        }
        return new Translation(records, refs, undeliverable);
    }

    /** The executee record of a NEW or MODIFIED change; an unknown change type is passed on as the op. */
    ObjectNode executee(ExecuteeChange c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dataset", Dataset.DISHONEST_EXECUTEE.name());
        o.put("op", ExecuteeChange.NEW.equals(c.getChangeType()) ? "ADD"
                : ExecuteeChange.MODIFIED.equals(c.getChangeType()) ? "UPDATE" : c.getChangeType());
        subject(o, c);
        put(o, "duty", c.getDuty());
        put(o, "performance", c.getPerformance());
        put(o, "behaviour", c.getDisruptTypeName());
        put(o, "basisDocNo", c.getGistId());
        put(o, "basisIssuer", c.getGistUnit());
        put(o, "caseNo", c.getCaseCode());
        put(o, "filedOn", c.getRegDate());
        put(o, "court", c.getCourtName());
        put(o, "publishedOn", c.getPublishDate());
        return o;
    }

    /**
     * The COURT_DELETED shield of a DELETED change, or empty when the deleted data is not a valid executee record:
     * then the gateway never accepted it under that business key and there is nothing to shield.
     */
    Optional<ObjectNode> shield(ExecuteeChange c) {
        ObjectNode executee = executee(c).put("op", "ADD");
        ValidationOutcome parsed = validator.validate(executee, new ValidationContext(LocalDate.now(
                clock.withZone(COURT_ZONE)), calendar));
        if (!parsed.valid()) {
            return Optional.empty();
        }
        String businessKey = parsed.record().businessKey();
        String target = RecordIds.forBusinessKey(Dataset.DISHONEST_EXECUTEE, businessKey);
        Optional<OffsetDateTime> at = time(c.getChangeTime());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dataset", Dataset.SHIELD.name());
        // stable for a re-read of the same deletion, new for a later deletion of a re-listed record
        o.put("shieldId", "CD-" + target + at.map(t -> "-" + t.toEpochSecond()).orElse(""));
        o.put("targetDataset", Dataset.DISHONEST_EXECUTEE.name());
        o.put("targetRecordId", target);
        o.put("targetBusinessKey", businessKey);
        o.put("cause", "COURT_DELETED");
        at.ifPresent(t -> o.put("effectiveAt", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        put(o, "decisionRef", c.getDeleteRef());
        return Optional.of(o);
    }

    /** When the court made the change, for the lag the gateway reports. */
    static Optional<Instant> sourceTime(ExecuteeChange c) {
        return time(c.getChangeTime()).map(OffsetDateTime::toInstant);
    }

    private static void subject(ObjectNode o, ExecuteeChange c) {
        put(o, "subjectName", c.getIname());
        String party = c.getPartyTypeName() == null ? null : c.getPartyTypeName().strip();
        String category = party == null ? null : CATEGORIES.getOrDefault(party, party);
        put(o, "subjectCategory", category);
        String card = c.getCardNum();
        if (PERSON.equals(category)) {
            o.put("idType", ID_CARD);
            put(o, "idNo", card);
            put(o, "gender", c.getSexy());
            if (c.getAge() != null) {
                o.put("age", c.getAge().intValue());
            }
            return;
        }
        put(o, "legalRep", c.getBusinessEntity());
        if (card != null && !card.isBlank()) {
            String code = card.strip();
            // the court prints 组织机构代码 as on the certificate, XXXXXXXX-X; the model checks the 9 characters
            put(o, code.length() == USCC_LENGTH ? "uscc" : "orgCode",
                    code.length() == USCC_LENGTH ? code : code.replace("-", ""));
        }
    }

    private static Optional<OffsetDateTime> time(XMLGregorianCalendar t) {
        if (t == null) {
            return Optional.empty();
        }
        ZoneOffset offset = t.getTimezone() == DatatypeConstants.FIELD_UNDEFINED ? COURT_OFFSET
                : ZoneOffset.ofTotalSeconds(t.getTimezone() * 60);
        OffsetDateTime local = OffsetDateTime.of(t.getYear(), t.getMonth(), t.getDay(), t.getHour(), t.getMinute(),
                t.getSecond() == DatatypeConstants.FIELD_UNDEFINED ? 0 : t.getSecond(), 0, offset);
        return Optional.of(local.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value.strip());
        }
    }
}
