package org.qinglian.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published records of the county (公开) and the publication log. Reading is public (no
 * sign-in): only what was published is returned, as it was published. Publishing is done
 * by an import (what it brings) and by a village's act ({@link VillageDesk}).
 */
public interface Publications {

	/** The kinds of published records, as named in the log. */
	List<String> KINDS = List.of("voucher", "contract", "asset", "project", "subsidy", "exercise");

	/**
	 * The latest published version of each record of a village of one kind (and month).
	 */
	List<Version> published(String villageCode, String kind, String month);

	/** The months in which a village has published vouchers, newest first. */
	List<String> voucherMonths(String villageCode);

	/**
	 * The newest versions of a village, newest first: the village page's "what is new".
	 */
	List<Version> news(String villageCode, int limit);

	/** Every version of a record, oldest first; empty if it was never published. */
	List<Version> history(String kind, String recordId);

	/** The state of a village's month as a notice-board sheet shows it, now. */
	Sheet sheet(String villageCode, String month);

	/**
	 * Checks a printed sheet: the hash it carries against what was published up to the
	 * act it names, and against what is published now.
	 */
	SheetCheck check(String villageCode, String month, long actSeq, String hash);

	/**
	 * The conformance verdict of each published use of power of a village, by id: green
	 * (conforms), yellow (a step later than its most days), red (a step missing, out of
	 * order, or a disclosure shorter than its least days), grey (not checked yet, or a
	 * step recorded since is waiting for the village's publication: the published steps
	 * alone are not what was checked).
	 */
	Map<String, ExerciseVerdict> verdicts(String villageCode);

	/**
	 * The scan of a voucher, if its latest published version shows one and the stored
	 * file still has the hash it was published with.
	 */
	Optional<Scan> scan(String voucherId);

	/**
	 * The rent received on each published lease of a village, by contract id: published
	 * lease income from its lessee within its term.
	 */
	Map<String, BigDecimal> rentReceived(String villageCode);

	/**
	 * The log's verification as last done: done again when the log has grown or it is ten
	 * minutes old, one at a time (for the public page, which anyone may ask for often).
	 */
	Verification verified();

	/** Verifies the whole log: every content hash, every act's items hash and chain. */
	Verification verify();

	/** The newest acts of the log, newest first. */
	List<Act> acts(int limit);

	/**
	 * The number of the newest act (0 before the first): changes with every publication.
	 */
	long head();

	/**
	 * A published version.
	 *
	 * @param publishedOn the day it was published (a voucher's first version: the day its
	 * source disclosed it)
	 * @param datedOn the day the record speaks of (booked, signed, paid, last step)
	 * @param content the record as the public sees it (field name to value)
	 */
	record Version(String kind, String recordId, int version, String regionCode, String month, long actSeq,
			LocalDate publishedOn, LocalDate datedOn, String reason, Map<String, Object> content, String contentHash) {

		public boolean corrected() {
			return version > 1;
		}

		/** A line that names the record in a list: its summary, title or name. */
		public String headline() {
			for (String field : List.of("summary", "title", "name", "counterparty", "recipient")) {
				Object value = content.get(field);
				if (value != null && !String.valueOf(value).isBlank()) {
					return String.valueOf(value);
				}
			}
			return recordId;
		}

	}

	/**
	 * A use of power's verdict.
	 *
	 * @param colour {@code green}, {@code yellow}, {@code red} or {@code grey}
	 * @param reasons each deviation, in plain Chinese
	 */
	record ExerciseVerdict(String colour, List<String> reasons) {
	}

	/** A voucher's scan. */
	record Scan(String mediaType, byte[] content) {
	}

	/** The income and expense of vouchers. */
	record Totals(BigDecimal income, BigDecimal expense) {

		public static Totals of(List<Version> vouchers) {
			BigDecimal income = BigDecimal.ZERO;
			BigDecimal expense = BigDecimal.ZERO;
			for (Version v : vouchers) {
				BigDecimal amount = new BigDecimal(String.valueOf(v.content().get("amount")));
				if ("income".equals(v.content().get("direction"))) {
					income = income.add(amount);
				}
				else {
					expense = expense.add(amount);
				}
			}
			return new Totals(income, expense);
		}

	}

	/** An act of publication: one entry of the hash chain. */
	record Act(long seq, Instant actedAt, String actor, String regionCode, String reason, int versions,
			String itemsHash, String prevHash, String hash) {
	}

	/**
	 * A village's month as a sheet shows it.
	 *
	 * @param actSeq the newest act the sheet includes
	 * @param hash the items hash of the versions shown
	 * @param records the versions shown: vouchers of the month, then subsidies paid for
	 * it
	 */
	record Sheet(String villageCode, String month, long actSeq, String hash, List<Version> records) {
	}

	/**
	 * What a printed sheet's hash says.
	 *
	 * @param printed what the sheet showed, as published up to its act (empty if unknown)
	 * @param changed the versions published after the sheet was printed of the records it
	 * showed or that its month shows now
	 */
	record SheetCheck(Verdict verdict, Sheet now, List<Version> printed, List<Version> changed) {

		public enum Verdict {

			/** What was printed is what is published now. */
			MATCHES,
			/**
			 * What was printed was published, and has been corrected or added to since.
			 */
			CHANGED,
			/**
			 * No state of the log ever had this hash: the sheet was not printed from it.
			 */
			UNKNOWN

		}

	}

	/**
	 * The log's verification.
	 *
	 * @param brokenAct the first act that does not verify, or {@code null}
	 * @param reason why, in English, or {@code null}
	 */
	record Verification(long acts, long versions, Long brokenAct, String reason) {

		public boolean intact() {
			return brokenAct == null;
		}

	}

}
