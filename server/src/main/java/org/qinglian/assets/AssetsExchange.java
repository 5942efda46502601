package org.qinglian.assets;

import static org.qinglian.platform.ColumnType.*;

import org.qinglian.platform.ExchangeFile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The files of the QDX bundle that hold the three assets, projects, subsidies and the
 * comparison registries.
 */
@Configuration(proxyBeanMethods = false)
class AssetsExchange {

	private static final String[] PARTIES = { "persons.csv", "organizations.csv" };

	@Bean
	ExchangeFile assetsFile() {
		return ExchangeFile.define("assets.csv", "ast_asset", 50)
			.id("asset_id")
			.required("region_code", REGION_CODE, "regions.csv")
			.code("kind", true, "building", "land", "pond", "forest", "equipment", "other")
			.required("name", TEXT)
			.optional("area", DECIMAL)
			.optional("book_value", MONEY)
			.build();
	}

	@Bean
	ExchangeFile contractsFile() {
		return ExchangeFile.define("contracts.csv", "ast_contract", 51)
			.id("contract_id")
			.required("region_code", REGION_CODE, "regions.csv")
			.code("kind", true, "lease", "construction", "procurement", "service")
			.optional("asset_id", ID, "assets.csv")
			.optional("counterparty_id", ID, PARTIES)
			.required("signed_on", DATE)
			.optional("start_on", DATE)
			.optional("end_on", DATE)
			.optional("amount", MONEY)
			.optional("annual_rent", MONEY)
			.code("award_method", false, "open_tender", "invited_tender", "negotiated", "direct")
			.optional("bidders", INTEGER)
			.optional("exercise_id", ID, "power_exercises.csv")
			.check("end_on", "is before start_on", row -> before(row, "end_on", "start_on"))
			.build();
	}

	@Bean
	ExchangeFile projectsFile() {
		return ExchangeFile.define("projects.csv", "ast_project", 52)
			.id("project_id")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("name", TEXT)
			.code("kind", true, "road", "water", "building", "irrigation", "landscape", "other")
			.optional("budget", MONEY)
			.optional("contract_id", ID, "contracts.csv")
			.optional("contractor_id", ID, PARTIES)
			.optional("started_on", DATE)
			.optional("finished_on", DATE)
			.optional("progress_pct", INTEGER)
			.optional("supervised", BOOLEAN)
			.optional("villages", REGION_LIST, "regions.csv")
			.check("progress_pct", "is not between 0 and 100",
					row -> row.get("progress_pct") != null && (Integer.parseInt(row.get("progress_pct")) < 0
							|| Integer.parseInt(row.get("progress_pct")) > 100))
			.build();
	}

	@Bean
	ExchangeFile projectItemsFile() {
		return ExchangeFile.define("project_items.csv", "ast_project_item", 53)
			.required("project_id", ID, "projects.csv")
			.required("line_no", INTEGER)
			.required("work_code", ID)
			.optional("description", TEXT)
			.optional("unit", TEXT)
			.required("quantity", DECIMAL)
			.required("unit_price", MONEY)
			.key("project_id", "line_no")
			.build();
	}

	@Bean
	ExchangeFile referencePricesFile() {
		return ExchangeFile.define("reference_prices.csv", "ast_reference_price", 54)
			.required("work_code", ID)
			.optional("unit", TEXT)
			.required("period", QUARTER)
			.required("price", MONEY)
			.required("region_code", REGION_CODE, "regions.csv")
			.key("work_code", "period", "region_code")
			.build();
	}

	@Bean
	ExchangeFile vouchersFile() {
		return ExchangeFile.define("vouchers.csv", "ast_voucher", 55)
			.id("voucher_id")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("booked_on", DATE)
			.code("direction", true, "income", "expense")
			.required("amount", MONEY)
			.code("method", true, "bank", "cash", "mobile", "other")
			.optional("counterparty_id", ID, PARTIES)
			.optional("counterparty_name", TEXT)
			.code("category", true, "subsidy_payout", "construction", "procurement", "labor", "office", "hospitality",
					"travel", "lease_income", "allocation_income", "other")
			.optional("summary", TEXT)
			.optional("invoice_no", TEXT)
			.optional("approver_ids", ID_LIST, "persons.csv")
			.optional("project_id", ID, "projects.csv")
			.optional("exercise_id", ID, "power_exercises.csv")
			.optional("disclosed_on", DATE)
			.build();
	}

	@Bean
	ExchangeFile subsidiesFile() {
		return ExchangeFile.define("subsidies.csv", "ast_subsidy", 56)
			.id("payment_id")
			.code("program", true, "dibao", "tekun", "elderly", "disability", "farmland", "housing_repair", "other")
			.required("recipient_id", ID, "persons.csv")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("period", MONTH)
			.required("amount", MONEY)
			.required("paid_on", DATE)
			.build();
	}

	@Bean
	ExchangeFile deathsFile() {
		return ExchangeFile.define("deaths.csv", "ast_death", 57)
			.versions("1")
			.required("person_id", ID, "persons.csv")
			.key("person_id")
			.required("death_date", DATE)
			.build();
	}

	@Bean
	ExchangeFile vehiclesFile() {
		return ExchangeFile.define("vehicles.csv", "ast_vehicle", 58)
			.versions("1")
			.required("person_id", ID, "persons.csv")
			.required("plate", TEXT)
			.optional("registered_on", DATE)
			.optional("value", MONEY)
			.key("person_id", "plate")
			.build();
	}

	@Bean
	ExchangeFile propertiesFile() {
		return ExchangeFile.define("properties.csv", "ast_property", 59)
			.versions("1")
			.required("person_id", ID, "persons.csv")
			.required("address", TEXT)
			.optional("area", DECIMAL)
			.optional("registered_on", DATE)
			.key("person_id", "address")
			.build();
	}

	@Bean
	ExchangeFile publicEmployeesFile() {
		return ExchangeFile.define("public_employees.csv", "ast_public_employee", 60)
			.versions("1")
			.required("person_id", ID, "persons.csv")
			.required("employer", TEXT)
			.required("start_date", DATE)
			.optional("end_date", DATE)
			.key("person_id", "employer", "start_date")
			.check("end_date", "is before start_date", row -> before(row, "end_date", "start_date"))
			.build();
	}

	// The same registries as received from other departments (QDX 1.1): keyed by the
	// source's record id, each row tied to a person by the spec's readings (ast_tie).

	@Bean
	ExchangeFile deathsReceivedFile() {
		return received("deaths.csv", "ast_death_received", 57).required("death_date", DATE).build();
	}

	@Bean
	ExchangeFile vehiclesReceivedFile() {
		return received("vehicles.csv", "ast_vehicle_received", 58).required("plate", TEXT)
			.optional("registered_on", DATE)
			.optional("value", MONEY)
			.build();
	}

	@Bean
	ExchangeFile propertiesReceivedFile() {
		return received("properties.csv", "ast_property_received", 59).required("address", TEXT)
			.optional("area", DECIMAL)
			.optional("registered_on", DATE)
			.build();
	}

	@Bean
	ExchangeFile publicEmployeesReceivedFile() {
		return received("public_employees.csv", "ast_public_employee_received", 60).required("employer", TEXT)
			.required("start_date", DATE)
			.optional("end_date", DATE)
			.check("end_date", "is before start_date", row -> before(row, "end_date", "start_date"))
			.build();
	}

	/** The five leading columns of a registry as received. */
	private static ExchangeFile.Builder received(String file, String table, int order) {
		return ExchangeFile.define(file, table, order)
			.versions("1.1")
			.id("record_id")
			.optional("person_id", ID, "persons.csv")
			.optional("id_number", ID_NUMBER_AS_RECEIVED)
			.optional("name", TEXT)
			.optional("birth_date", DATE);
	}

	/**
	 * Whether the first date column holds a day before the second (ISO dates sort as
	 * text).
	 */
	private static boolean before(ExchangeFile.Row row, String first, String second) {
		String a = row.get(first);
		String b = row.get(second);
		return a != null && b != null && a.compareTo(b) < 0;
	}

}
