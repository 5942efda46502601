package org.qinglian.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qinglian.risk.Fixture.V1;
import static org.qinglian.risk.Fixture.V2;
import static org.qinglian.risk.Fixture.V3;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/**
 * Each rule on small hand-made data: the case it must catch, and the look-alikes it must
 * leave alone.
 */
@IntegrationTest
@TestPropertySource(properties = "qinglian.test.database=risk-rules")
class RiskRulesTests {

	@Autowired
	RiskLibrary library;

	@Autowired
	JdbcClient jdbc;

	Fixture data;

	record Found(String subject, String region, BigDecimal amount, String records, String explanation) {
	}

	@BeforeEach
	void county() {
		data = new Fixture(jdbc).reset();
	}

	List<Found> scan(String rule) {
		library.scan(RiskLibrary.ScanProgress.NONE);
		return jdbc.sql("""
				select subject_id, region_code, amount, records, explanation from risk_finding
				where rule_code = ? and status <> 'withdrawn' order by finding_id""")
			.param(rule)
			.query((rs, i) -> new Found(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	// ---- subsidies
	// ----------------------------------------------------------------------------------------

	@Test
	void oneIdentityPaidInTwoVillagesInOneMonthIsCaughtAcrossTwinRows() {
		data.person("PA", "ID1", "H1", V1)
			.person("PB", "ID1", "H2", V2)
			.person("PC", "ID2", "H3", V1)
			.subsidy("S1", "elderly", "PA", V1, "2020-03", "200.00")
			.subsidy("S2", "elderly", "PB", V2, "2020-03", "200.00")
			// look-alikes: other months, another program, another identity
			.subsidy("S3", "elderly", "PA", V1, "2020-04", "200.00")
			.subsidy("S4", "elderly", "PB", V2, "2020-05", "200.00")
			.subsidy("S5", "dibao", "PB", V2, "2020-04", "800.00")
			.subsidy("S6", "elderly", "PC", V1, "2020-03", "200.00");
		List<Found> found = scan("subsidy_in_two_villages");
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("subsidies.csv:S1;subsidies.csv:S2");
			assertThat(f.amount()).isEqualByComparingTo("200.00");
		});
	}

	@Test
	void aCadresNearKinByDeclarationOrHouseholdOrOwnTwinRowIsCaughtButNotOtherTies() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "party_secretary", "2018-01-01", null)
			.person("PSPOUSE", "IDS", "HS", V1)
			.kin("PCAD", "PSPOUSE", "spouse")
			.person("PHOUSE", "IDH", "HC", V1)
			.person("PTWIN", "IDC", "HX", V1)
			.person("PCOUSIN", "IDO", "HO", V1)
			.kin("PCAD", "PCOUSIN", "other")
			.subsidy("S1", "dibao", "PSPOUSE", V1, "2020-01", "800.00")
			.subsidy("S2", "elderly", "PHOUSE", V1, "2020-01", "200.00")
			.subsidy("S3", "tekun", "PTWIN", V1, "2020-01", "600.00")
			.subsidy("S4", "dibao", "PCOUSIN", V1, "2020-01", "800.00")
			// the spouse paid in another village, where the cadre holds no position
			.subsidy("S5", "farmland", "PSPOUSE", V2, "2020-01", "100.00");
		List<Found> found = scan("kin_subsidy");
		assertThat(found).extracting(Found::records)
			.containsExactlyInAnyOrder("subsidies.csv:S1", "subsidies.csv:S2", "subsidies.csv:S3");
		assertThat(found).allSatisfy(f -> assertThat(f.subject()).isEqualTo("PCAD"));
	}

	@Test
	void kinOfAFormerCadreIsNotCaughtAfterThePositionEnded() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "committee_director", "2015-01-01", "2019-12-31")
			.person("PSON", "IDS", "HS", V1)
			.kin("PSON", "PCAD", "parent")
			.subsidy("S1", "dibao", "PSON", V1, "2019-12", "800.00")
			.subsidy("S2", "dibao", "PSON", V1, "2020-01", "800.00");
		assertThat(scan("kin_subsidy")).singleElement().extracting(Found::records).isEqualTo("subsidies.csv:S1");
	}

	@Test
	void aSubsidyForAMonthAfterDeathIsCaughtButNotForTheMonthOfDeath() {
		data.person("PA", "ID1", "H1", V1)
			.person("PA2", "ID1", "H1", V1)
			.death("PA2", "2019-11-20")
			.subsidy("S1", "dibao", "PA", V1, "2019-11", "520.00")
			.subsidy("S2", "dibao", "PA", V1, "2019-12", "520.00")
			.subsidy("S3", "dibao", "PA", V1, "2020-03", "520.00");
		List<Found> found = scan("subsidy_after_death");
		assertThat(found).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("deaths.csv:PA2;subsidies.csv:S2;subsidies.csv:S3");
			assertThat(f.explanation()).isEqualTo("2019年12月起向已于2019年11月死亡的姓名PA发放低保金，共 2 个月 1040.00 元");
		});
	}

	@Test
	void dibaoForAHouseholdWithACarOf50000IsCaughtButNotACheapOldCarOrALaterOne() {
		data.person("PR", "IDR", "H1", V1)
			.person("PSON", "IDS", "H1", V1)
			.person("PX", "IDX", "H2", V1)
			.person("PY", "IDY", "H3", V1)
			.vehicle("PSON", "浙D1", "2018-01-01", "50000.00")
			.vehicle("PX", "浙D2", "2010-01-01", "49999.99")
			.vehicle("PY", "浙D3", "2020-06-01", "150000.00")
			.subsidy("S1", "dibao", "PR", V1, "2020-01", "800.00")
			.subsidy("S2", "dibao", "PX", V1, "2020-01", "800.00")
			.subsidy("S3", "dibao", "PY", V1, "2020-05", "800.00")
			.subsidy("S4", "elderly", "PR", V1, "2020-01", "200.00");
		assertThat(scan("dibao_ineligible_household")).singleElement()
			.satisfies(f -> assertThat(f.records()).isEqualTo("subsidies.csv:S1"));
	}

	@Test
	void dibaoIsCaughtForAPublicEmployeeAShareholderOrTwoPropertiesButNotAManagerOrOneProperty() {
		data.person("P1", "I1", "H1", V1)
			.person("P1E", "I1E", "H1", V1)
			.publicEmployee("P1E", "2015-01-01", null)
			.person("P2", "I2", "H2", V1)
			.person("P2S", "I2S", "H2", V1)
			.org("O1", null, "2010-01-01")
			.orgPerson("O1", "P2S", "shareholder")
			.person("P3", "I3", "H3", V1)
			.property("P3", "村1号", "2000-01-01")
			.property("P3", "城2号", "2018-01-01")
			.person("P4", "I4", "H4", V1)
			.person("P4M", "I4M", "H4", V1)
			.org("O2", null, "2010-01-01")
			.orgPerson("O2", "P4M", "manager")
			.person("P5", "I5", "H5", V1)
			.property("P5", "村5号", "2000-01-01")
			.person("P6", "I6", "H6", V1)
			.publicEmployee("P6", "2010-01-01", "2019-06-30");
		for (String p : List.of("P1", "P2", "P3", "P4", "P5", "P6")) {
			data.subsidy("S" + p, "dibao", p, V1, "2020-02", "800.00");
		}
		assertThat(scan("dibao_ineligible_household")).extracting(Found::records)
			.containsExactlyInAnyOrder("subsidies.csv:SP1", "subsidies.csv:SP2", "subsidies.csv:SP3");
	}

	// ---- projects and awards
	// ------------------------------------------------------------------------------

	@Test
	void aUnitPriceOver1point3TimesTheReferenceIsCaughtBut1point25AndExactly1point3AreNot() {
		data.referencePrice("concrete_c25", "2020-Q2", "500.00")
			.referencePrice("concrete_c25", "2020-Q1", "300.00")
			.project("J1", V1, null, "OC", "2020-05-10")
			.item("J1", 1, "concrete_c25", "10", "650.01")
			.item("J1", 2, "concrete_c25", "10", "625.00")
			.item("J1", 3, "concrete_c25", "10", "650.00");
		assertThat(scan("unit_price_over_reference")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("projects.csv:J1;project_items.csv:J1#1");
			assertThat(f.subject()).isEqualTo("OC");
			assertThat(f.amount()).isEqualByComparingTo("1500.10");
		});
	}

	@Test
	void paymentsOver115PercentOfTheContractWithoutADoneChangeOrderAreCaught() {
		data.contract("C1", V1, "construction", null, "OC", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J1", V1, "C1", "OC", "2020-01-10")
			.voucher("V1", V1, "2020-02-01", "expense", "100000.00", "bank", "OC", "construction", "1", "J1", null,
					"2020-03-05")
			.voucher("V2", V1, "2020-03-01", "expense", "15000.01", "bank", "OC", "construction", "2", "J1", null,
					"2020-04-05")
			// exactly 115%: not over
			.contract("C2", V1, "construction", null, "OD", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J2", V1, "C2", "OD", "2020-01-10")
			.voucher("V3", V1, "2020-02-01", "expense", "115000.00", "bank", "OD", "construction", "3", "J2", null,
					"2020-03-05")
			// over, but with a completed change order
			.step("project_change_order", "request", 1, null, null, false, false)
			.exercise("E1", "project_change_order", V1, "done", "request", "2020-02-20")
			.contract("C3", V1, "construction", null, "OE", "2020-01-01", null, null, "100000.00", null, "negotiated")
			.project("J3", V1, "C3", "OE", "2020-01-10")
			.voucher("V4", V1, "2020-02-01", "expense", "100000.00", "bank", "OE", "construction", "4", "J3", null,
					"2020-03-05")
			.voucher("V5", V1, "2020-03-01", "expense", "30000.00", "bank", "OE", "construction", "5", "J3", "E1",
					"2020-04-05");
		assertThat(scan("payment_over_contract")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("projects.csv:J1;vouchers.csv:V1;vouchers.csv:V2");
			assertThat(f.amount()).isEqualByComparingTo("15000.01");
		});
	}

	@Test
	void awardsSplitWithin90DaysAreCaughtButNot91DaysApartNorExactlyAtTheThreshold() {
		data.contract("C1", V1, "procurement", null, "OA", "2020-01-01", null, null, "60000.00", null, "negotiated")
			.contract("C2", V1, "service", null, "OA", "2020-03-31", null, null, "60000.00", null, "direct")
			// 91 days apart
			.contract("C3", V2, "procurement", null, "OB", "2020-01-01", null, null, "60000.00", null, "negotiated")
			.contract("C4", V2, "procurement", null, "OB", "2020-04-01", null, null, "60000.00", null, "negotiated")
			// together exactly 100,000: not over
			.contract("C5", V3, "procurement", null, "OC", "2020-01-01", null, null, "50000.00", null, "negotiated")
			.contract("C6", V3, "procurement", null, "OC", "2020-01-20", null, null, "50000.00", null, "negotiated")
			// labour payments never count
			.voucher("V1", V1, "2020-05-01", "expense", "60000.00", "bank", "PW", "labor", null, null, null,
					"2020-06-05")
			.voucher("V2", V1, "2020-05-20", "expense", "60000.00", "bank", "PW", "labor", null, null, null,
					"2020-06-05");
		assertThat(scan("split_award")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1;contracts.csv:C2");
			assertThat(f.subject()).isEqualTo("OA");
		});
	}

	@Test
	void paymentsUnderAnOpenTenderContractAreNotASplit() {
		data.contract("C1", V1, "procurement", null, "OA", "2020-01-01", null, null, "300000.00", null, "open_tender")
			.project("J1", V1, "C1", "OA", "2020-01-05")
			.voucher("V1", V1, "2020-02-01", "expense", "90000.00", "bank", "OA", "procurement", "1", "J1", null,
					"2020-03-05")
			.voucher("V2", V1, "2020-03-01", "expense", "90000.00", "bank", "OA", "procurement", "2", "J1", null,
					"2020-04-05")
			.voucher("V3", V2, "2020-02-01", "expense", "90000.00", "bank", "OA", "office", "3", null, null,
					"2020-03-05")
			.voucher("V4", V2, "2020-03-01", "expense", "90000.00", "bank", "OA", "office", "4", null, null,
					"2020-04-05");
		assertThat(scan("split_award")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V3;vouchers.csv:V4");
	}

	@Test
	void aContractWithAFirmOfACadresChildIsCaughtButNotOfACousin() {
		data.person("PCAD", "IDC", "HC", V1)
			.position("PCAD", V1, "committee_director", "2018-01-01", null)
			.person("PCHILD", "IDK", "HK", V1)
			.kin("PCAD", "PCHILD", "child")
			.person("PCOUSIN", "IDO", "HO", V1)
			.kin("PCAD", "PCOUSIN", "other")
			.org("O1", "PCHILD", "2015-01-01")
			.org("O2", "PCOUSIN", "2015-01-01")
			.contract("C1", V1, "construction", null, "O1", "2020-01-01", null, null, "200000.00", null, "negotiated")
			.contract("C2", V1, "construction", null, "O2", "2020-01-01", null, null, "200000.00", null, "negotiated");
		assertThat(scan("kin_contractor")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1");
			assertThat(f.subject()).isEqualTo("PCAD");
		});
	}

	// ---- books and leases
	// ---------------------------------------------------------------------------------

	@Test
	void leaseIncomeShortByTwentyPercentIsCaughtButNotByLessOrOutsideThePeriod() {
		data.person("PACC", "IDA", "HA", V1)
			.position("PACC", V1, "accountant", "2015-01-01", null)
			.contract("C1", V1, "lease", null, "PL", "2018-12-01", "2019-01-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V1", V1, "2019-01-05", "income", "10000.00", "bank", "PL", "lease_income", null, null, null,
					"2019-02-05")
			.voucher("V2", V1, "2020-01-05", "income", "8000.00", "bank", "PL", "lease_income", null, null, null,
					"2020-02-05")
			.contract("C2", V2, "lease", null, "PM", "2018-12-01", "2019-01-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V3", V2, "2019-01-05", "income", "8000.01", "bank", "PM", "lease_income", null, null, null,
					"2019-02-05")
			.voucher("V4", V2, "2020-01-05", "income", "10000.00", "bank", "PM", "lease_income", null, null, null,
					"2020-02-05")
			// its second year ends after the data period: not judged
			.contract("C3", V2, "lease", null, "PN", "2019-06-01", "2019-07-01", "2025-12-31", null, "10000.00",
					"open_tender")
			.voucher("V5", V2, "2019-07-05", "income", "10000.00", "bank", "PN", "lease_income", null, null, null,
					"2019-08-05");
		assertThat(scan("lease_income_missing")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C1;vouchers.csv:V2");
			assertThat(f.subject()).isEqualTo("PACC");
			assertThat(f.amount()).isEqualByComparingTo("2000.00");
		});
	}

	@Test
	void aWhiteSlipOf1000IsCaughtButNot999point99NorLabour() {
		data.voucher("V1", V1, "2020-01-05", "1000.00", "bank", "office", null)
			.voucher("V2", V1, "2020-01-06", "999.99", "bank", "office", null)
			.voucher("V3", V1, "2020-01-07", "5000.00", "bank", "labor", null)
			.voucher("V4", V1, "2020-01-08", "5000.00", "bank", "office", "12345");
		assertThat(scan("white_slip")).singleElement().extracting(Found::records).isEqualTo("vouchers.csv:V1");
	}

	@Test
	void cashOf1000FromTheCashlessDayIsCaughtButNotTheDayBeforeNorInAnotherVillage() {
		data.voucher("V1", V1, "2019-06-01", "1000.00", "cash", "office", "1")
			.voucher("V2", V1, "2019-05-31", "5000.00", "cash", "office", "2")
			.voucher("V3", V1, "2019-07-01", "999.99", "cash", "office", "3")
			.voucher("V4", V2, "2019-07-01", "5000.00", "cash", "office", "4")
			.voucher("V5", V1, "2019-08-01", "income", "3000.00", "cash", null, "other", null, null, null,
					"2019-09-05");
		assertThat(scan("cash_in_cashless_village")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V1;vouchers.csv:V5");
	}

	@Test
	void aVoucherDisclosedOnThe11thOrNeverIsLateButOnThe10thIsNot() {
		data.voucher("V1", V1, "2020-01-20", "expense", "100.00", "bank", null, "office", "1", null, null, "2020-02-10")
			.voucher("V2", V1, "2020-01-21", "expense", "100.00", "bank", null, "office", "2", null, null, "2020-02-11")
			.voucher("V3", V1, "2020-12-21", "expense", "100.00", "bank", null, "office", "3", null, null, "2021-01-10")
			.voucher("V4", V1, "2020-03-21", "expense", "100.00", "bank", null, "office", "4", null, null, null);
		assertThat(scan("voucher_disclosure_late")).singleElement()
			.extracting(Found::records)
			.isEqualTo("vouchers.csv:V2;vouchers.csv:V4");
	}

	@Test
	void aLeaseUnderHalfTheTownshipsMedianIsCaughtButNotAtHalf() {
		data.asset("A1", V1, "land", "10")
			.asset("A2", V1, "land", "10")
			.asset("A3", V2, "land", "10")
			.asset("A4", V2, "land", "10")
			.asset("A5", V3, "land", "10")
			.asset("A6", V1, "land", "20")
			.contract("C1", V1, "lease", "A1", "PA", "2019-01-01", "2019-01-01", "2023-12-31", null, "7000.00",
					"open_tender")
			.contract("C2", V1, "lease", "A2", "PB", "2019-01-01", "2019-01-01", "2023-12-31", null, "7000.00",
					"open_tender")
			.contract("C6", V1, "lease", "A6", "PF", "2019-01-01", "2019-01-01", "2023-12-31", null, "14000.00",
					"open_tender")
			// township A's median is 700 a mu: 349.999 is under half of it, 350 is not
			.contract("C3", V2, "lease", "A3", "PC", "2019-01-01", "2019-01-01", "2023-12-31", null, "3499.99",
					"negotiated")
			.contract("C4", V2, "lease", "A4", "PD", "2019-01-01", "2019-01-01", "2023-12-31", null, "3500.00",
					"negotiated")
			// another township's cheap lease is judged against its own median
			.contract("C5", V3, "lease", "A5", "PE", "2019-01-01", "2019-01-01", "2023-12-31", null, "100.00",
					"negotiated");
		assertThat(scan("lease_below_market")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("contracts.csv:C3");
			assertThat(f.subject()).isEqualTo("PC");
		});
	}

	// ---- uses of power
	// ------------------------------------------------------------------------------------

	@Test
	void aDoneExerciseMissingARequiredStepOrWithAStepOnItsPredecessorsDayIsSkippedButNotAnOpenOne() {
		data.step("decide", "propose", 1, null, null, false, false)
			.step("decide", "review", 2, "propose", null, false, true)
			.step("decide", "vote", 3, "propose", null, false, false)
			.exercise("E1", "decide", V1, "done", "propose", "2020-01-01")
			.exercise("E2", "decide", V1, "open", "propose", "2020-01-01")
			.exercise("E3", "decide", V1, "done", "propose", "2020-01-05", "vote", "2020-01-05")
			.exercise("E4", "decide", V1, "done", "propose", "2020-01-05", "vote", "2020-01-06");
		assertThat(scan("step_skipped")).extracting(Found::records)
			.containsExactlyInAnyOrder("power_exercises.csv:E1", "power_exercises.csv:E3");
	}

	@Test
	void aDisclosureOfFourDaysIsTooShortButFiveIsNot() {
		data.step("lease", "resolve", 1, null, null, false, false)
			.step("lease", "disclose", 2, "resolve", 5, true, false)
			.step("lease", "sign", 3, "disclose", null, false, false)
			.exercise("E1", "lease", V1, "done", "resolve", "2020-01-01", "disclose", "2020-01-02", "sign",
					"2020-01-06")
			.exercise("E2", "lease", V1, "done", "resolve", "2020-01-01", "disclose", "2020-01-02", "sign",
					"2020-01-07");
		assertThat(scan("disclosure_too_short")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("power_exercises.csv:E1");
			assertThat(f.explanation()).contains("仅公示 4 天").contains("少于规定的 5 天");
		});
	}

	// ---- findings over time, settings
	// ---------------------------------------------------------------------

	@Test
	void rescanningCreatesNothingNewAndChangedDataUpdatesTheFindingWithItsHistory() {
		data.voucher("V1", V1, "2020-01-05", "1500.00", "bank", "office", null);
		assertThat(scan("white_slip")).hasSize(1);
		RiskLibrary.ScanReport again = library.scan(RiskLibrary.ScanProgress.NONE);
		assertThat(again.created()).isZero();
		assertThat(again.changed()).isZero();

		data.voucher("V2", V1, "2020-02-05", "2500.00", "bank", "office", null);
		assertThat(scan("white_slip")).singleElement()
			.satisfies(f -> assertThat(f.amount()).isEqualByComparingTo("4000.00"));
		jdbc.sql("delete from ast_voucher").update();
		assertThat(scan("white_slip")).isEmpty();
		assertThat(jdbc.sql("select string_agg(action, ',' order by at, action) from risk_finding_history")
			.query(String.class)
			.single()).isEqualTo("found,changed,withdrawn");
	}

	@Test
	@WithMockUser(username = "risk-admin")
	void aSettingOutsideItsRangeIsRefusedWithAClearMessageAndAGoodOneTakesEffect() {
		jdbc.sql("insert into plt_user values ('risk-admin', 'admin', 'x', 'county_admin', ?, null, true, now())")
			.param(Fixture.COUNTY)
			.update();
		assertThatThrownBy(() -> library.changeSetting("white_slip", "min_amount", new BigDecimal("-1")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("white_slip.min_amount: -1 is outside 0 to 100000000");
		assertThatThrownBy(() -> library.changeSetting("white_slip", "threshold", BigDecimal.TEN))
			.hasMessageContaining("no setting 'threshold'");
		assertThatThrownBy(() -> library.changeSetting("no_such_rule", "x", BigDecimal.TEN))
			.hasMessageContaining("no rule 'no_such_rule'");

		data.voucher("V1", V1, "2020-01-05", "600.00", "bank", "office", null);
		assertThat(scan("white_slip")).isEmpty();
		library.changeSetting("white_slip", "min_amount", new BigDecimal("500"));
		assertThat(scan("white_slip")).hasSize(1);
	}

}
