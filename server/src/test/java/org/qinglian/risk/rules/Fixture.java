package org.qinglian.risk.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hand-made county data for rule tests: a county, two townships, three villages, written
 * straight to the tables.
 */
final class Fixture {

	static final String COUNTY = "330683000000";

	static final String TOWN_A = "330683101000";

	static final String TOWN_B = "330683102000";

	static final String V1 = "330683101201";

	static final String V2 = "330683101202";

	static final String V3 = "330683102201";

	private final JdbcClient jdbc;

	Fixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Fixture reset() {
		for (String t : new String[] { "risk_finding_history", "risk_finding", "risk_setting", "cas_clue", "jur_region",
				"jur_person", "jur_position", "jur_kin", "jur_organization", "jur_org_person", "pow_item", "pow_step",
				"pow_exercise", "pow_exercise_event", "ast_voucher", "ast_asset", "ast_contract", "ast_project",
				"ast_project_item", "ast_reference_price", "ast_subsidy", "ast_death", "ast_vehicle", "ast_property",
				"ast_public_employee", "plt_import" }) {
			jdbc.sql("delete from " + t).update();
		}
		region(COUNTY, "county", null, null);
		region(TOWN_A, "township", COUNTY, null);
		region(TOWN_B, "township", COUNTY, null);
		region(V1, "village", TOWN_A, "2019-06-01");
		region(V2, "village", TOWN_A, null);
		region(V3, "village", TOWN_B, null);
		jdbc.sql(
				"""
						insert into plt_import (bundle_sha256, county_code, imported_at, imported_by, rows_read, rows_changed, millis,
						  period_from, period_to) values (?, '330683', now(), 'test', 0, 0, 0, '2019-01-01', '2020-12-31')""")
			.param("0".repeat(64))
			.update();
		return this;
	}

	Fixture region(String code, String level, String parent, String cashlessSince) {
		jdbc.sql(
				"insert into jur_region (region_code, name, level, parent_code, cashless_since) values (?, ?, ?, ?, ?::date)")
			.params(code, "区域" + code.substring(6), level, parent, cashlessSince)
			.update();
		return this;
	}

	/** A person; identities are told apart by {@code idNumber}, not by person id. */
	Fixture person(String id, String idNumber, String household, String region) {
		jdbc.sql(
				"insert into jur_person (person_id, id_number, name, household_id, region_code) values (?, ?, ?, ?, ?)")
			.params(id, idNumber, "姓名" + id, household, region)
			.update();
		return this;
	}

	Fixture position(String person, String region, String role, String start, String end) {
		jdbc.sql("insert into jur_position values (?, ?, ?, ?::date, ?::date)")
			.params(person, region, role, start, end)
			.update();
		return this;
	}

	Fixture kin(String person, String relative, String relation) {
		jdbc.sql("insert into jur_kin values (?, ?, ?, 'declared')").params(person, relative, relation).update();
		return this;
	}

	Fixture subsidy(String id, String program, String recipient, String region, String period, String amount) {
		jdbc.sql("insert into ast_subsidy values (?, ?, ?, ?, ?, ?, ?::date)")
			.params(id, program, recipient, region, period, new BigDecimal(amount), period + "-18")
			.update();
		return this;
	}

	Fixture death(String person, String day) {
		jdbc.sql("insert into ast_death values (?, ?::date)").params(person, day).update();
		return this;
	}

	Fixture vehicle(String person, String plate, String registered, String value) {
		jdbc.sql("insert into ast_vehicle values (?, ?, ?::date, ?)")
			.params(person, plate, registered, new BigDecimal(value))
			.update();
		return this;
	}

	Fixture property(String person, String address, String registered) {
		jdbc.sql("insert into ast_property values (?, ?, 100, ?::date)").params(person, address, registered).update();
		return this;
	}

	Fixture publicEmployee(String person, String start, String end) {
		jdbc.sql("insert into ast_public_employee values (?, '嵊州市某局', ?::date, ?::date)")
			.params(person, start, end)
			.update();
		return this;
	}

	Fixture org(String id, String legalRep, String registered) {
		jdbc.sql("insert into jur_organization values (?, ?, '91330683MA2B3C4D5E', ?, ?, ?::date)")
			.params(id, "公司" + id, legalRep, TOWN_A, registered)
			.update();
		return this;
	}

	Fixture orgPerson(String org, String person, String role) {
		jdbc.sql("insert into jur_org_person values (?, ?, ?)").params(org, person, role).update();
		return this;
	}

	Fixture contract(String id, String region, String kind, String asset, String counterparty, String signed,
			String start, String end, String amount, String rent, String award) {
		jdbc.sql(
				"""
						insert into ast_contract (contract_id, region_code, kind, asset_id, counterparty_id, signed_on, start_on, end_on,
						  amount, annual_rent, award_method) values (?, ?, ?, ?, ?, ?::date, ?::date, ?::date, ?, ?, ?)""")
			.params(id, region, kind, asset, counterparty, signed, start, end,
					amount == null ? null : new BigDecimal(amount), rent == null ? null : new BigDecimal(rent), award)
			.update();
		return this;
	}

	Fixture asset(String id, String region, String kind, String area) {
		jdbc.sql("insert into ast_asset (asset_id, region_code, kind, name, area) values (?, ?, ?, ?, ?)")
			.params(id, region, kind, "资产" + id, new BigDecimal(area))
			.update();
		return this;
	}

	Fixture project(String id, String region, String contract, String contractor, String started) {
		jdbc.sql("""
				insert into ast_project (project_id, region_code, name, kind, contract_id, contractor_id, started_on)
				values (?, ?, ?, 'road', ?, ?, ?::date)""")
			.params(id, region, "工程" + id, contract, contractor, started)
			.update();
		return this;
	}

	Fixture item(String project, int line, String work, String quantity, String price) {
		jdbc.sql("insert into ast_project_item values (?, ?, ?, ?, 'm3', ?, ?)")
			.params(project, line, work, work, new BigDecimal(quantity), new BigDecimal(price))
			.update();
		return this;
	}

	Fixture referencePrice(String work, String period, String price) {
		jdbc.sql("insert into ast_reference_price values (?, 'm3', ?, ?, ?)")
			.params(work, period, new BigDecimal(price), COUNTY)
			.update();
		return this;
	}

	/**
	 * A voucher disclosed on time unless said otherwise, with an invoice unless
	 * {@code invoice} is null.
	 */
	Fixture voucher(String id, String region, String booked, String direction, String amount, String method,
			String counterparty, String category, String invoice, String project, String exercise, String disclosed) {
		jdbc.sql("""
				insert into ast_voucher (voucher_id, region_code, booked_on, direction, amount, method, counterparty_id,
				  category, invoice_no, approver_ids, project_id, exercise_id, disclosed_on)
				values (?, ?, ?::date, ?, ?, ?, ?, ?, ?, 'PAPPROVER', ?, ?, ?::date)""")
			.params(id, region, booked, direction, new BigDecimal(amount), method, counterparty, category, invoice,
					project, exercise, disclosed)
			.update();
		return this;
	}

	Fixture voucher(String id, String region, String booked, String amount, String method, String category,
			String invoice) {
		LocalDate day = LocalDate.parse(booked);
		return voucher(id, region, booked, "expense", amount, method, null, category, invoice, null, null,
				day.withDayOfMonth(1).plusMonths(1).plusDays(4).toString());
	}

	Fixture step(String item, String step, int seq, String after, Integer minDays, boolean disclosure,
			boolean optional) {
		jdbc.sql("insert into pow_item (item_code, category, name) values (?, 'other', ?) on conflict do nothing")
			.params(item, "事项" + item)
			.update();
		jdbc.sql("insert into pow_step values (?, ?, ?, ?, null, ?, ?, null, ?, ?)")
			.params(item, step, seq, "步骤" + step, after, minDays, disclosure, optional)
			.update();
		return this;
	}

	Fixture exercise(String id, String item, String region, String status, String... stepsAndDays) {
		jdbc.sql("""
				insert into pow_exercise (exercise_id, item_code, region_code, title, initiator_id, started_on, status)
				values (?, ?, ?, ?, 'PINIT', '2020-01-01', ?)""").params(id, item, region, "事务" + id, status).update();
		for (int i = 0; i < stepsAndDays.length; i += 2) {
			jdbc.sql("insert into pow_exercise_event (exercise_id, step_code, occurred_on) values (?, ?, ?::date)")
				.params(id, stepsAndDays[i], stepsAndDays[i + 1])
				.update();
		}
		return this;
	}

}
