package org.qinglian.intake;

import java.time.LocalDate;
import java.util.List;

/**
 * Reports (信访举报), for supervision staff of the jurisdiction only. A reporter's identity
 * never leaves this module through these views.
 */
public interface Reports {

	/**
	 * Reports naming a person or organization as their subject, within the user's
	 * jurisdiction.
	 */
	List<ReportView> naming(String subjectId);

	/**
	 * Accusations (检举控告) per village of the matter, handled by offices of the user's
	 * jurisdiction, a report and its duplicates once, without those the user is recused
	 * from.
	 */
	java.util.Map<String, Long> accusationsByVillage();

	/**
	 * @param reportId the report
	 * @param receivedOn when it came in
	 * @param channel how
	 * @param kind accusation, suggestion, appeal, other
	 * @param anonymous whether the reporter is anonymous
	 * @param regionCode where the matter happened
	 * @param closedOn when it was answered
	 * @param satisfied whether the reporter was satisfied
	 */
	record ReportView(String reportId, LocalDate receivedOn, String channel, String kind, boolean anonymous,
			String regionCode, LocalDate closedOn, Boolean satisfied) {
	}

}
