package org.qinglian.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The office's work on clues and cases (问题线索与案件), for supervision staff of the handling
 * office's jurisdiction who are not recused (the subject, their near kin, people of the
 * subject's or the matter's village), and for the members of a case's joint work group.
 * Every step is audited; refusals are {@link org.qinglian.platform.Refused}.
 */
public interface Casework {

	/** The four dispositions of a clue. */
	List<String> DISPOSITIONS = List.of("talk_inquiry", "preliminary_verification", "hold", "close");

	/** The five follow-ups of a serious or typical case (一案五必须), in their order. */
	List<String> FOLLOWUPS = List.of("notice", "analysis", "warning_education", "rectification", "return_visit");

	/**
	 * Opens a clue from a report the user may open, an inspection or a referral.
	 * @param source {@code report}, {@code inspection} or {@code referral}
	 * @param sourceId the report's id (for a report), else the document's reference
	 * @return the clue's id
	 */
	String openClue(String source, String sourceId, String regionCode, String subjectId, String summary);

	List<ClueRow> clues(String status);

	Optional<ClueDetail> clue(String clueId);

	/**
	 * Proposes the disposition of a clue in one of the four ways, with the reason and the
	 * colleague who must approve it (not oneself, not recused); it takes effect when they
	 * do.
	 */
	void dispose(String clueId, String disposition, String reason, String approver);

	/**
	 * The named approver approves what waits for them on the clue: its disposition
	 * (preliminary verification gets its deadline from that day), or the request to file
	 * a case (which files it).
	 * @return the case's id when a case was filed, else {@code null}
	 */
	String approve(String clueId);

	/** Concludes a preliminary verification. */
	void concludeVerification(String clueId, String conclusion);

	/**
	 * Asks to file a case (立案) from a clue under approved preliminary verification or
	 * talk; the approving colleague files it with {@link #approve}.
	 * @param handling {@code self} (自办, the office's own), {@code county} (sent up) or
	 * {@code joint} (片区协作: the township asks the county for a joint work group)
	 */
	void fileCase(String clueId, String handling, String approver);

	List<CaseRow> cases();

	Optional<CaseDetail> caseFile(String caseId);

	/** The county forms the joint work group of a case: township and county staff. */
	void formGroup(String caseId, List<String> usernames, String lead);

	/** A consultation round (会商) of a joint case. */
	void addRound(String caseId, LocalDate heldOn, String members, String conclusions);

	void addNote(String caseId, String text);

	/** The review (审理) of the investigation. */
	void review(String caseId, String opinion);

	/**
	 * The decision: violation, sanction, funds recovered; a sanction of serious warning
	 * or heavier, or a typical case, gets the five follow-ups with their deadlines.
	 */
	void decide(String caseId, String violation, String sanction, BigDecimal recovered, boolean typical);

	/** Records a follow-up as done, with its evidence. */
	void completeFollowup(String caseId, String kind, String evidence);

	/** Closes a decided case; its follow-ups go on. */
	void close(String caseId);

	/**
	 * Publishes the case notice (通报): the text as written, with the subject's name
	 * replaced by 某某 wherever it appears.
	 */
	void publishNotice(String caseId, String text);

	/** Follow-ups not done, overdue first. */
	List<Followup> openFollowups();

	/** Records a warning-education event (警示教育: court-hearing attendance…). */
	String recordEvent(LocalDate heldOn, String kind, String title, String place, String regionCode,
			List<String> attendees);

	List<EducationEvent> events(int year);

	record ClueRow(String clueId, String source, String regionName, String subjectName, String summary,
			String disposition, LocalDate verifyDue, boolean overdue, String caseId) {
	}

	/**
	 * @param awaiting what waits for approval: {@code disposition}, {@code filing} or
	 * {@code null}
	 * @param mayApprove whether the signed-in user is the one to approve it
	 */
	record ClueDetail(ClueRow clue, String sourceId, String regionCode, String subjectId, String reason,
			String disposedBy, String approvedBy, LocalDate disposedOn, LocalDate approvedOn, String verifyConclusion,
			LocalDate verifiedOn, String filingHandling, String filingApprover, String awaiting, boolean mayApprove,
			List<Colleague> approvers) {
	}

	record Colleague(String username, String displayName) {
	}

	record CaseRow(String caseId, LocalDate filedOn, String unitName, String regionName, String subjectName,
			String handling, String stage, String sanction) {
	}

	record CaseDetail(CaseRow row, String clueId, String subjectId, String violation, BigDecimal recovered,
			boolean typical, LocalDate groupRequested, List<Member> group, List<Round> rounds, List<Note> notes,
			String reviewOpinion, LocalDate reviewedOn, LocalDate decidedOn, LocalDate closedOn,
			List<Followup> followups, String noticeText, LocalDate noticePublished, List<Colleague> countyStaff,
			List<Colleague> townshipStaff) {
	}

	record Member(String username, String unitName, boolean lead) {
	}

	record Round(LocalDate heldOn, String members, String conclusions) {
	}

	record Note(Instant at, String author, String text) {
	}

	record Followup(String caseId, String kind, LocalDate dueOn, LocalDate doneOn, String evidence, boolean overdue) {
	}

	record EducationEvent(String eventId, LocalDate heldOn, String kind, String title, String place, String regionName,
			int attendees) {
	}

}
