package org.qinglian.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Cases (案件) and clues (问题线索), for supervision staff of the jurisdiction only. */
public interface Cases {

	/**
	 * Cases whose subject is the given person or organization, handled by an office in
	 * the user's jurisdiction.
	 */
	List<CaseView> naming(String subjectId);

	/**
	 * Cases that ended in a sanction per village (where the matter happened, else where
	 * the subject lives), handled by offices of the user's jurisdiction, without those
	 * the user is recused from.
	 */
	java.util.Map<String, Long> sanctionedByVillage();

	record CaseView(String caseId, LocalDate filedOn, String unitCode, String violation, String sanction,
			BigDecimal recovered, LocalDate closedOn) {
	}

}
