package org.qinglian.jurisdiction;

import static org.qinglian.platform.ColumnType.*;

import java.util.List;

import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.ExchangeFile.Lookup;
import org.qinglian.platform.ExchangeFile.Read;
import org.qinglian.platform.ExchangeFile.Row;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files of the QDX bundle that hold the jurisdiction: regions, people, positions,
 * kin, organizations.
 */
@Configuration(proxyBeanMethods = false)
class JurisdictionExchange {

	@Bean
	ExchangeFile regionsFile() {
		return ExchangeFile.define("regions.csv", "jur_region", 10)
			.required("region_code", REGION_CODE)
			.key("region_code")
			.required("name", TEXT)
			.code("level", true, "county", "township", "village")
			.optional("parent_code", REGION_CODE, "regions.csv")
			.optional("lat", DECIMAL)
			.optional("lon", DECIMAL)
			.optional("cashless_since", DATE)
			.optional("custody_since", DATE)
			.check("region_code", "is not in the county of the manifest",
					row -> !row.get("region_code").startsWith(row.county()))
			.check("parent_code", "a county has no parent, a township's parent is the county, a village's a township",
					List.of(new Read("regions.csv", "level")), JurisdictionExchange::wrongParent)
			.build();
	}

	private static boolean wrongParent(Row row, Lookup lookup) {
		String level = row.get("level");
		String parent = row.get("parent_code");
		if ("county".equals(level)) {
			return parent != null;
		}
		if (parent == null) {
			return true;
		}
		String parentLevel = lookup.value("regions.csv", "level", parent);
		// a parent that does not exist is reported by the reference check
		return parentLevel != null && !parentLevel.equals("township".equals(level) ? "county" : "township");
	}

	@Bean
	ExchangeFile personsFile() {
		return ExchangeFile.define("persons.csv", "jur_person", 20)
			.id("person_id")
			.required("id_number", ID_NUMBER)
			.required("name", TEXT)
			.code("gender", false, "m", "f")
			.optional("birth_date", DATE)
			.optional("household_id", ID)
			.required("region_code", REGION_CODE, "regions.csv")
			.optional("phone", TEXT)
			.check("birth_date", "does not match the birth date in the ID number",
					row -> row.get("birth_date") != null && !bornOn(row.get("id_number"), row.get("birth_date")))
			.build();
	}

	/**
	 * Whether the birth date in an 18-character ID number (YYYYMMDD from the 7th
	 * character) is this date (YYYY-MM-DD).
	 */
	static boolean bornOn(String idNumber, String date) {
		return date.regionMatches(0, idNumber, 6, 4) && date.regionMatches(5, idNumber, 10, 2)
				&& date.regionMatches(8, idNumber, 12, 2);
	}

	@Bean
	ExchangeFile positionsFile() {
		return ExchangeFile.define("positions.csv", "jur_position", 30)
			.required("person_id", ID, "persons.csv")
			.required("region_code", REGION_CODE, "regions.csv")
			.code("role", true, "party_secretary", "committee_director", "committee_member", "accountant",
					"supervision_director", "supervision_member", "info_officer", "township_secretary",
					"township_staff", "county_staff", "custodian")
			.required("start_date", DATE)
			.optional("end_date", DATE)
			.key("person_id", "region_code", "role", "start_date")
			.check("end_date", "is before start_date",
					row -> row.get("end_date") != null && row.get("end_date").compareTo(row.get("start_date")) < 0)
			.build();
	}

	@Bean
	ExchangeFile kinFile() {
		return ExchangeFile.define("kin.csv", "jur_kin", 31)
			.required("person_id", ID, "persons.csv")
			.required("relative_id", ID, "persons.csv")
			.code("relation", true, "spouse", "parent", "child", "sibling", "in_law", "other")
			.code("source", true, "declared", "household_registry")
			.key("person_id", "relative_id")
			.build();
	}

	@Bean
	ExchangeFile organizationsFile() {
		return ExchangeFile.define("organizations.csv", "jur_organization", 32)
			.id("org_id")
			.required("name", TEXT)
			.required("credit_code", CREDIT_CODE)
			.optional("legal_rep_id", ID, "persons.csv")
			.required("region_code", REGION_CODE, "regions.csv")
			.optional("registered_on", DATE)
			.build();
	}

	@Bean
	ExchangeFile orgPeopleFile() {
		return ExchangeFile.define("org_people.csv", "jur_org_person", 33)
			.required("org_id", ID, "organizations.csv")
			.required("person_id", ID, "persons.csv")
			.code("role", true, "legal_rep", "shareholder", "manager")
			.key("org_id", "person_id", "role")
			.build();
	}

}
