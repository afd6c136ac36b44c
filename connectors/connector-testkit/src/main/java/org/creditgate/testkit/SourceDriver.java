package org.creditgate.testkit;

/**
 * How a connector's contract test feeds the connector's source — pushes over HTTP, drops files, inserts rows,
 * loads the SOAP simulator — in the department's own format. Each call makes the input available; the contract
 * test then waits for the connector to have processed it.
 */
public interface SourceDriver {

    /** Offers {@code count} distinct valid records, numbered from {@code first} (so two calls never collide). */
    void offerValid(int first, int count) throws Exception;

    /** Offers once more exactly what the last {@link #offerValid} call offered (a resend, a re-dropped file, a rewind). */
    void offerAgain() throws Exception;

    /**
     * Offers one record that breaks one validation rule; returns the field name (as the department spells it)
     * the rejection must name.
     */
    String offerInvalid() throws Exception;
}
