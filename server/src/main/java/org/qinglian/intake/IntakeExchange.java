package org.qinglian.intake;

import static org.qinglian.platform.ColumnType.*;

import org.qinglian.platform.ExchangeFile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reports file of the QDX bundle. The reporter is personal data and is stored
 * encrypted. A report's receipt hash, a named reporter's sealed identity (given in the
 * platform), its submitter and its messages never leave the installation.
 */
@Configuration(proxyBeanMethods = false)
class IntakeExchange {

	@Bean
	ExchangeFile reportsFile() {
		return ExchangeFile.define("reports.csv", "int_report", 70)
			.id("report_id")
			.required("received_on", DATE)
			.code("channel", true, "visit", "letter", "phone", "web", "wechat", "dingtalk", "info_officer", "referral")
			.code("kind", true, "accusation", "suggestion", "appeal", "other")
			.required("anonymous", BOOLEAN)
			.encrypted("reporter_id", "reporter_enc", "persons.csv")
			.optional("subject_id", ID, "persons.csv", "organizations.csv")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("unit_code", REGION_CODE, "regions.csv")
			.required("rural_cadre", BOOLEAN)
			.optional("text", TEXT)
			.optional("duplicate_of", ID, "reports.csv")
			.optional("closed_on", DATE)
			.optional("satisfied", BOOLEAN)
			// the office's work on a report entered in the platform (absent from bundles
			// written before it): classification, deadlines, answer, rating, review
			.additions()
			.code("category", false, "funds", "assets", "projects", "subsidies", "decisions", "work_style", "other")
			.optional("subject_name", TEXT)
			.optional("acknowledged_on", DATE)
			.optional("extended_to", DATE)
			.optional("extension_reason", TEXT)
			.optional("answer", TEXT)
			.optional("rated_on", DATE)
			.optional("review_requested_on", DATE)
			.optional("reviewed_on", DATE)
			.optional("review_conclusion", TEXT)
			.check("reporter_id", "an anonymous report names no reporter",
					row -> "true".equals(row.get("anonymous")) && row.get("reporter_id") != null)
			.build();
	}

}
