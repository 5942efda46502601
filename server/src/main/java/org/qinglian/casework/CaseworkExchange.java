package org.qinglian.casework;

import static org.qinglian.platform.ColumnType.*;

import org.qinglian.platform.ExchangeFile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cases file of the QDX bundle (history for statistics). */
@Configuration(proxyBeanMethods = false)
class CaseworkExchange {

	@Bean
	ExchangeFile casesFile() {
		return ExchangeFile.define("cases.csv", "cas_case", 80)
			.id("case_id")
			.optional("report_id", ID, "reports.csv")
			.required("filed_on", DATE)
			.required("unit_code", REGION_CODE, "regions.csv")
			.required("self_handled", BOOLEAN)
			.required("joint", BOOLEAN)
			.optional("subject_id", ID, "persons.csv", "organizations.csv")
			.optional("violation", TEXT)
			.code("sanction", false, "none", "criticism", "party_warning", "party_serious_warning", "removal_from_post",
					"probation", "expulsion", "gov_warning", "gov_demerit", "gov_major_demerit", "gov_demotion",
					"gov_dismissal")
			.optional("recovered", MONEY)
			.optional("closed_on", DATE)
			// casework in the platform (absent from bundles written before it)
			.additions()
			.optional("region_code", REGION_CODE, "regions.csv")
			.optional("clue_id", TEXT)
			.optional("filed_by", TEXT)
			.optional("filing_approver", TEXT)
			.optional("typical", BOOLEAN)
			.optional("group_requested", DATE)
			.optional("reviewed_on", DATE)
			.optional("review_opinion", TEXT)
			.optional("decided_on", DATE)
			.optional("notice_text", TEXT)
			.optional("notice_published", DATE)
			.build();
	}

	/** The five follow-ups of serious or typical cases (一案五必须). */
	@Bean
	ExchangeFile followupsFile() {
		return ExchangeFile.define("case_followups.csv", "cas_followup", 82)
			.additions()
			.required("case_id", ID, "cases.csv")
			.code("kind", true, "notice", "analysis", "warning_education", "rectification", "return_visit")
			.required("due_on", DATE)
			.optional("done_on", DATE)
			.optional("evidence", TEXT)
			.optional("done_by", TEXT)
			.key("case_id", "kind")
			.build();
	}

	/** Warning-education events (警示教育). */
	@Bean
	ExchangeFile educationEventsFile() {
		return ExchangeFile.define("education_events.csv", "cas_education_event", 83)
			.additions()
			.id("event_id")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("held_on", DATE)
			.code("kind", true, "court_hearing", "warning_film", "exhibition", "lecture", "other")
			.required("title", TEXT)
			.required("place", TEXT)
			.required("recorded_by", TEXT)
			.build();
	}

	/** The cadres who attended each event. */
	@Bean
	ExchangeFile eventAttendeesFile() {
		return ExchangeFile.define("event_attendees.csv", "cas_event_attendee", 84)
			.additions()
			.required("event_id", ID, "education_events.csv")
			.required("person_id", ID, "persons.csv")
			.key("event_id", "person_id")
			.build();
	}

}
