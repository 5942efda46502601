package org.qinglian.web;

import org.qinglian.platform.AuditLog;

import org.springframework.stereotype.Component;

/**
 * What every REST read of village records does alike: a page size within bounds, and an
 * audit entry for a read of records that name people (cadres, recipients, counterparties,
 * approvers), like the page that shows them.
 */
@Component
public class ApiReads {

	/** The most records one call answers. */
	public static final int MAX = 1_000;

	private final AuditLog audit;

	ApiReads(AuditLog audit) {
		this.audit = audit;
	}

	/** A page size between 1 and {@link #MAX}, whatever the client asked. */
	public static int bounded(int limit) {
		return Math.max(1, Math.min(limit, MAX));
	}

	/**
	 * Records the read of a region's records ({@code api_view_WHAT}) and returns them;
	 * call it after the read, so that a refused one is not recorded as a read.
	 */
	public <T> T audited(String what, String regionCode, T records) {
		audit.record("api_view_" + what, "region", regionCode, regionCode, null);
		return records;
	}

	/** Records the read of one record of a region and returns it. */
	public <T> T audited(String what, String targetType, String targetId, String regionCode, T record) {
		audit.record("api_view_" + what, targetType, targetId, regionCode, null);
		return record;
	}

}
