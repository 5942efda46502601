package org.qinglian.platform;

/**
 * The append-only, hash-chained audit log. Every write and every read of a sensitive
 * record is recorded: who (the signed-in user, or the operating-system user of a
 * command), when, what, and from where.
 */
public interface AuditLog {

	/**
	 * Appends an entry in the current transaction.
	 * @param action what was done, e.g. {@code import}, {@code view_person}
	 * @param targetType the kind of record
	 * @param targetId its id, may be {@code null}
	 * @param regionCode the region the record belongs to, may be {@code null}
	 * @param detail free text, never a reporter's identity
	 */
	void record(String action, String targetType, String targetId, String regionCode, String detail);

	/**
	 * Checks the chain from the first entry; the result names the first broken entry, if
	 * any.
	 */
	Verification verify();

	/**
	 * @param entries entries checked
	 * @param firstBroken the sequence number of the first entry whose hash does not hold,
	 * or {@code null}
	 * @param reason why it is broken
	 */
	record Verification(long entries, Long firstBroken, String reason) {

		public boolean intact() {
			return firstBroken == null;
		}

	}

}
