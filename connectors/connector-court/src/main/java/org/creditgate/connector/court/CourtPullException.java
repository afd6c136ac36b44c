package org.creditgate.connector.court;

/**
 * A poll that cannot complete (court unreachable, SOAP fault, unusable watermark). Its message is one line meant
 * for the operator: the route logs it as a warning without a stack trace, keeps the watermark and tries again at
 * the next period.
 */
public class CourtPullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CourtPullException(String message) {
        super(message);
    }

    public CourtPullException(String message, Throwable cause) {
        super(message, cause);
    }
}
