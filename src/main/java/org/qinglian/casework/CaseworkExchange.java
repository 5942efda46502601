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
			.build();
	}

}
