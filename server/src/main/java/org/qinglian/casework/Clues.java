package org.qinglian.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Clues (问题线索), for supervision staff of the jurisdiction of the clue's region who are
 * not recused (the subject, their near kin, people of the subject's or the matter's
 * village). A disposition and a filing take effect when the named approver approves them.
 * Every step is audited; refusals are {@link org.qinglian.platform.Refused}.
 */
public interface Clues {

	/** The four dispositions of a clue. */
	List<String> DISPOSITIONS = List.of("talk_inquiry", "preliminary_verification", "hold", "close");

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

}
