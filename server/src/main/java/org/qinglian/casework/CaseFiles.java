package org.qinglian.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Cases (案件), for supervision staff of the handling office's jurisdiction who are not
 * recused, and for the members of a case's joint work group (片区协作), who investigate and
 * consult while the handling office decides. Every step is audited; refusals are
 * {@link org.qinglian.platform.Refused}.
 */
public interface CaseFiles {

	/** The five follow-ups of a serious or typical case (一案五必须), in their order. */
	List<String> FOLLOWUPS = List.of("notice", "analysis", "warning_education", "rectification", "return_visit");

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

}
