package org.qinglian.intake.internal;

import java.time.LocalDate;

/**
 * Where a report stands and what is due next, by the deadlines of the 信访工作条例 (2022) and
 * the 纪检监察机关处理检举控告工作规则: acknowledgement within {@value #ACKNOWLEDGE_DAYS} days of
 * receipt, conclusion within {@value #CONCLUDE_DAYS} days (one extension of at most
 * {@value #MAX_EXTENSION_DAYS} days with a reason), a review (复查) within
 * {@value #REVIEW_DAYS} days of its request.
 *
 * @param receivedOn when the report came in
 * @param acknowledgedOn when the office acknowledged it
 * @param extendedTo the conclusion deadline after an extension
 * @param closedOn when it was answered
 * @param satisfied the reporter's rating
 * @param reviewRequestedOn when the reporter asked for a review
 * @param reviewedOn when the review was concluded
 */
record ReportClock(LocalDate receivedOn, LocalDate acknowledgedOn, LocalDate extendedTo, LocalDate closedOn,
		Boolean satisfied, LocalDate reviewRequestedOn, LocalDate reviewedOn) {

	static final int ACKNOWLEDGE_DAYS = 15;

	static final int CONCLUDE_DAYS = 60;

	static final int MAX_EXTENSION_DAYS = 30;

	static final int REVIEW_DAYS = 30;

	/** received, acknowledged, answered, closed, under_review, reviewed. */
	String status() {
		if (reviewedOn != null) {
			return "reviewed";
		}
		if (reviewRequestedOn != null) {
			return "under_review";
		}
		if (closedOn != null) {
			return satisfied == null ? "answered" : "closed";
		}
		return acknowledgedOn == null ? "received" : "acknowledged";
	}

	/** The office still has work to do. */
	boolean open() {
		return closedOn == null || (reviewRequestedOn != null && reviewedOn == null);
	}

	/** The conclusion deadline: 60 days after receipt, or as extended. */
	LocalDate concludeBy() {
		return extendedTo != null ? extendedTo : receivedOn.plusDays(CONCLUDE_DAYS);
	}

	/**
	 * What is due next: acknowledge, conclude or review; {@code null} when nothing is.
	 */
	String due() {
		if (reviewRequestedOn != null) {
			return reviewedOn == null ? "review" : null;
		}
		if (closedOn != null) {
			return null;
		}
		return acknowledgedOn == null ? "acknowledge" : "conclude";
	}

	/** By when what is due must be done. */
	LocalDate dueOn() {
		String due = due();
		if (due == null) {
			return null;
		}
		return switch (due) {
			case "acknowledge" -> receivedOn.plusDays(ACKNOWLEDGE_DAYS);
			case "review" -> reviewRequestedOn.plusDays(REVIEW_DAYS);
			default -> concludeBy();
		};
	}

	boolean overdue(LocalDate today) {
		LocalDate dueOn = dueOn();
		return dueOn != null && today.isAfter(dueOn);
	}

}
