package org.qinglian.intake.internal;

import java.time.LocalDate;

import org.qinglian.platform.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reporter's rating of an answer, by receipt code or in person: once, after the answer;
 * "not satisfied" asks for a review (复查) by the county office, due in 30 days.
 */
final class Ratings {

	private Ratings() {
	}

	static void rate(JdbcClient jdbc, String reportId, boolean satisfied, LocalDate today) {
		int rated = jdbc.sql("""
				update int_report set satisfied = :satisfied, rated_on = :today,
				       review_requested_on = case when :satisfied then null else :today end
				where report_id = :id and closed_on is not null and rated_on is null and satisfied is null
				  and review_requested_on is null""")
			.param("satisfied", satisfied)
			.param("today", today)
			.param("id", reportId)
			.update();
		if (rated == 0) {
			throw new Refused("intake.refused.notRatable", "the report has no answer to rate, or was rated already");
		}
		if (!satisfied) {
			jdbc.sql("""
					insert into int_message (report_id, from_reporter, internal, text)
					values (?, false, true, '不满意，转县纪委监委复查 / not satisfied: sent to the county for review')""")
				.param(reportId)
				.update();
		}
	}

}
