package org.creditgate.simulators.upstream.core;

/** A message the upstream cannot even read as an envelope (answered 400 / a SOAP fault / a REJECTED receipt). */
public class EnvelopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public EnvelopeException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public RecordError toError() {
        return new RecordError(code, field, getMessage());
    }
}
