package org.qinglian.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * Published case notices (通报), anonymised, for the public portal.
 */
public interface CaseNotices {

	/** The notices of the county or of one township, newest first. */
	List<Notice> published(String regionPrefix, int limit);

	record Notice(String caseId, LocalDate publishedOn, String unitName, String text) {
	}

}
