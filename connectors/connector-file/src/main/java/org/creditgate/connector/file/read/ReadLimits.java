package org.creditgate.connector.file.read;

/**
 * What a reader may consume of one file, so a hostile or broken file cannot exhaust the gateway's memory.
 *
 * @param maxFileBytes        largest data file read at all
 * @param maxUncompressed     largest total of inflated XLSX parts, counted while inflating (headers can lie)
 * @param maxEntries          most zip entries an XLSX may have
 * @param formulasCached      take a formula cell's cached value (true) or reject its row (false)
 */
public record ReadLimits(long maxFileBytes, long maxUncompressed, int maxEntries, boolean formulasCached) {
}
