package org.qinglian.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The office's work on reports (信访举报), for supervision staff of the office that handles
 * each (a township office, or the county for reports about township staff and for
 * reviews). A staff member who is the subject, a near kin of the subject or of the
 * subject's or the matter's village is recused (回避): the report does not exist for them,
 * and they cannot be assigned it. Every opening of a report is audited; the reporter's
 * identity is only shown by {@link #reveal}.
 */
public interface ReportDesk {

	/**
	 * Enters a report made by a visit, letter or phone call on the reporter's behalf.
	 * @return the new report's id and the receipt code to give the reporter
	 */
	Entered enter(StaffEntry entry);

	/** The villages and townships of the user's jurisdiction, for entering a report. */
	List<org.qinglian.platform.Registry.RegionName> regionsForEntry();

	/**
	 * A village information officer's or supervision-committee member's report from their
	 * village; a retried submission with the same client key is stored once.
	 */
	Entered raise(OfficerEntry entry);

	/** The reports the signed-in officer raised, newest first, with their answers. */
	List<OfficerReport> raisedByMe();

	/**
	 * The open reports of the user's office and jurisdiction, with what is due next:
	 * overdue first.
	 */
	List<Row> workbench();

	/** What is due and overdue per office of the user's jurisdiction. */
	List<OfficeLoad> load();

	/** One report with its messages, notes and suggestions; the opening is audited. */
	Optional<Detail> report(String reportId);

	void classify(String reportId, Classification classification);

	/** Assigns the report to a staff member of its office who is not recused. */
	void assign(String reportId, String username);

	/** The staff members the report may be assigned to. */
	List<Assignee> assignees(String reportId);

	/** Sends the report to the county office, with the reason (office conflicted). */
	void routeToCounty(String reportId, String reason);

	void acknowledge(String reportId);

	/** Extends the conclusion deadline once, by at most 30 days, with a reason. */
	void extend(String reportId, int days, String reason);

	/** Answers the reporter: the report is concluded and waits for the rating. */
	void answer(String reportId, String answer);

	/** A message to the reporter (they see it with the receipt code). */
	void message(String reportId, String text);

	/** A note for the office only. */
	void note(String reportId, String text);

	/** Confirms that the report repeats an earlier one (statistics count them once). */
	void confirmDuplicate(String reportId, String originalId);

	/** The reporter's rating, given in person. */
	void rateInPerson(String reportId, boolean satisfied);

	/** The county's conclusion of a review (复查). */
	void concludeReview(String reportId, String conclusion);

	/**
	 * The reporter's identity, for staff with the permission to reveal it and a reason;
	 * written to the audit log with the reason.
	 */
	Identity reveal(String reportId, String reason);

	/** An attachment of a report the user may open, audited. */
	Optional<FileContent> file(String reportId, String sha256);

	/** A checkbox left unticked sends nothing: {@code anonymous} null is named. */
	record StaffEntry(String channel, String regionCode, String kind, String text, String subjectName,
			Boolean anonymous, String name, String contact) {
	}

	record OfficerEntry(String clientKey, String kind, String text, String subjectName) {
	}

	record Entered(String reportId, String receiptCode) {
	}

	record OfficerReport(String reportId, LocalDate receivedOn, String kind, String text, String status,
			String answer) {
	}

	/**
	 * @param due what is due next: acknowledge, conclude or review
	 * @param dueOn by when
	 * @param overdue whether that day has passed
	 */
	record Row(String reportId, LocalDate receivedOn, String channel, String kind, String regionCode, String regionName,
			String status, String assignedTo, String due, LocalDate dueOn, boolean overdue) {
	}

	record OfficeLoad(String unitCode, String unitName, long open, long due, long overdue) {
	}

	record Classification(String kind, String category, String subjectId, String regionCode, Boolean ruralCadre) {
	}

	record Assignee(String username, String displayName) {
	}

	record Detail(Report report, List<Note> messages, List<Suggestion> subjects, List<Duplicate> duplicates,
			List<String> files) {
	}

	/**
	 * A report as staff see it: never its reporter's identity.
	 */
	record Report(String reportId, LocalDate receivedOn, String channel, String kind, String category,
			boolean anonymous, String regionCode, String regionName, String unitCode, String subjectId,
			String subjectLabel, String subjectName, boolean ruralCadre, String text, String status, String assignedTo,
			LocalDate acknowledgedOn, LocalDate dueOn, boolean extended, String extensionReason, String answer,
			LocalDate closedOn, Boolean satisfied, LocalDate reviewRequestedOn, LocalDate reviewDueOn,
			String reviewConclusion, String duplicateOf, boolean hasIdentity) {
	}

	/** A message or note as staff see it, with its author. */
	record Note(Instant at, boolean fromReporter, boolean internal, String author, String text) {
	}

	/** A person of the matter's village named in the text. */
	record Suggestion(String personId, String name, String position) {
	}

	record Duplicate(String reportId, LocalDate receivedOn, String kind, String status) {
	}

	/**
	 * @param name the reporter's name
	 * @param contact how to reach them
	 * @param personId who they are in the registry, when known
	 */
	record Identity(String name, String contact, String personId) {
	}

	record FileContent(String mediaType, byte[] content) {
	}

}
