package org.qinglian.disclosure;

/**
 * An act of publication was appended to the log: what shows published records (the
 * portal's cached pages) is out of date once it commits.
 */
public record RecordsPublished(long actSeq, String regionCode, int versions) {
}
