package org.creditgate.model.validation;

/**
 * One data item of a dataset, as the tables of domain.md §3 give it. The per-dataset tables ({@code *Fields}) are
 * the one place where names, codes, lengths and required-ness live; the rules classes only add what a table cannot
 * say (conditional items, cross-field checks).
 *
 * @param id       canonical English name; always accepted as an input key
 * @param code     national 双公示 field code (CF_WSH …), also accepted as an input key; null when there is none
 * @param kind     how the value is read, normalised and checked
 * @param max      maximum length in characters (code points); 0 when the kind has its own format check instead
 * @param required required whatever the other items say; conditional requirements are rules, not table entries
 */
record FieldSpec(String id, String code, Kind kind, int max, boolean required) {

    /** How a value is read. */
    enum Kind {
        /** Free text, the department's own wording: only trimmed. */
        TEXT,
        /** A code or number (registration numbers, enumerations): domain.md §2.4 normalisation. */
        CODE,
        /** A personal ID number: a code that messages only ever quote masked (domain.md §8). */
        PERSONAL_ID,
        /** 统一社会信用代码, GB 32100. */
        USCC,
        /** YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD. */
        DATE,
        /** ISO date-time with offset, or a date (start of day, Beijing time). */
        DATE_TIME,
        /** Decimal(18,6) in 万元. */
        AMOUNT,
        /** Whole number. */
        INTEGER,
        /** One of a fixed set of labels. */
        ENUM,
        /** One of a fixed set of labels, or {@code 其他-<detail>}. */
        ENUM_OR_OTHER,
        /** ';'-separated labels, each as ENUM_OR_OTHER. */
        ENUM_LIST,
        /** JSON array or ';'-separated string of free items. */
        LIST
    }

    static FieldSpec required(String id, String code, Kind kind, int max) {
        return new FieldSpec(id, code, kind, max, true);
    }

    static FieldSpec optional(String id, String code, Kind kind, int max) {
        return new FieldSpec(id, code, kind, max, false);
    }

    /** An item that only has its canonical name (datasets without national codes, gateway fields). */
    static FieldSpec required(String id, Kind kind, int max) {
        return required(id, null, kind, max);
    }

    static FieldSpec optional(String id, Kind kind, int max) {
        return optional(id, null, kind, max);
    }
}
