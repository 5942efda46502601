package org.qinglian.platform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The append-only, chained audit log. Every write and every read of a sensitive record is
 * recorded: who (the signed-in user, or the operating-system account that ran a command),
 * when, what, and from where. Each entry carries a MAC over its fields and the previous
 * entry's MAC, keyed with a key outside the database; signed checkpoints of the head are
 * written outside the database, so that an edited, inserted, reordered or truncated log
 * is found.
 */
public interface AuditLog {

	/**
	 * Appends an entry in the current transaction (or a new one).
	 * @param action what was done, e.g. {@code import}, {@code view_person}
	 * @param targetType the kind of record
	 * @param targetId its id, may be {@code null}
	 * @param regionCode the region the record belongs to, may be {@code null}
	 * @param detail free text, never a reporter's identity
	 */
	void record(String action, String targetType, String targetId, String regionCode, String detail);

	/**
	 * Appends an entry in a transaction of its own, committed before this returns: for
	 * what must be on record before it happens (an export's files, a failed sign-in).
	 */
	void recordNow(String action, String targetType, String targetId, String regionCode, String detail);

	/**
	 * Appends an entry for an actor named by the caller (a sign-in names the account it
	 * tried), in a transaction of its own.
	 */
	void recordAs(String actor, String action, String targetType, String targetId, String regionCode, String detail);

	/**
	 * Checks the chain from the first entry, and the checkpoints against it; the result
	 * names the first broken entry, or the missing tail.
	 */
	Verification verify();

	/** Writes a checkpoint of the head now, if it moved since the last one. */
	void checkpoint();

	/** The file the checkpoints are written to (outside the database). */
	Path checkpointFile();

	/**
	 * The entries matching a filter, newest first (auditors only).
	 */
	List<Entry> search(Filter filter);

	/**
	 * @param entries entries checked
	 * @param checkpoints checkpoints checked
	 * @param firstBroken the sequence number of the first entry that does not hold (for a
	 * missing tail: the first missing one), or {@code null}
	 * @param reason why it is broken
	 */
	record Verification(long entries, long checkpoints, Long firstBroken, String reason) {

		public boolean intact() {
			return firstBroken == null;
		}

	}

	/** What an auditor searches for; any part may be {@code null}. */
	record Filter(String actor, String action, String target, Instant from, Instant to, int limit) {
	}

	/** An entry as an auditor reads it. */
	record Entry(long seq, Instant at, String actor, String action, String targetType, String targetId,
			String regionCode, String detail, String remoteAddr) {
	}

}
