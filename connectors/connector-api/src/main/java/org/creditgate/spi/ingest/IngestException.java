package org.creditgate.spi.ingest;

/**
 * A push that cannot be processed as a whole. {@link #httpStatus()} is what the API answers; the message is
 * safe to show to the sender (it names the problem, never internals).
 */
public class IngestException extends RuntimeException {

    private final int httpStatus;
    private final String code;

    public IngestException(int httpStatus, String code, String message) {
        this(httpStatus, code, message, null);
    }

    public IngestException(int httpStatus, String code, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public static IngestException badRequest(String code, String message) {
        return new IngestException(400, code, message);
    }

    public static IngestException tooLarge(String message) {
        return new IngestException(413, "BATCH_TOO_LARGE", message);
    }

    public static IngestException unavailable(String message, Throwable cause) {
        return new IngestException(503, "UNAVAILABLE", message, cause);
    }
}
