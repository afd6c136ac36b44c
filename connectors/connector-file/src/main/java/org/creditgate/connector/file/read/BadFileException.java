package org.creditgate.connector.file.read;

/**
 * A file that can never be processed as it is (bad manifest, malformed CSV, zip bomb…): it goes to error/ with
 * this code and message in its result file, and no row of it is ingested. Transient failures are never this.
 */
public class BadFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public BadFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
