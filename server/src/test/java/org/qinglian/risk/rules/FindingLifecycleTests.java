package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.qinglian.risk.RiskLibrary;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Findings over time (created, changed, withdrawn, each in its history) and the rules'
 * settings.
 */
class FindingLifecycleTests extends RuleTest {

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
			.isInstanceOfSatisfying(RiskLibrary.RefusedException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("risk.refused.outOfRange"))
			.hasMessage("white_slip.min_amount: -1 is outside 0 to 100000000");
		// a count of days with a fraction: PostgreSQL would round it, Spark cut it
		assertThatThrownBy(() -> library.changeSetting("split_award", "window_days", new BigDecimal("7.5")))
			.isInstanceOfSatisfying(RiskLibrary.RefusedException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("risk.refused.notWhole"))
			.hasMessage("split_award.window_days: 7.5 is not a whole number");
		library.changeSetting("split_award", "window_days", new BigDecimal("60.0"));
		library.changeSetting("split_award", "window_days", new BigDecimal("90"));
		assertThatThrownBy(() -> library.changeSetting("white_slip", "threshold", BigDecimal.TEN))
			.hasMessageContaining("no setting 'threshold'");
		assertThatThrownBy(() -> library.changeSetting("no_such_rule", "x", BigDecimal.TEN))
			.hasMessageContaining("no rule 'no_such_rule'");

		data.voucher("V1", V1, "2020-01-05", "600.00", "bank", "office", null);
		assertThat(scan("white_slip")).isEmpty();
		library.changeSetting("white_slip", "min_amount", new BigDecimal("500"));
		assertThat(scan("white_slip")).hasSize(1);
	}

	@Test
	void theRulesComeInTheOrderOfTheSpecsSchemes() {
		assertThat(library.rules()).extracting(RiskLibrary.RuleView::code)
			.containsExactly("subsidy_in_two_villages", "kin_subsidy", "subsidy_after_death",
					"dibao_ineligible_household", "unit_price_over_reference", "payment_over_contract", "split_award",
					"kin_contractor", "lease_income_missing", "white_slip", "step_skipped", "voucher_disclosure_late",
					"disclosure_too_short", "lease_below_market", "cash_in_cashless_village");
	}

	@Test
	@WithMockUser(username = "risk-staff")
	void onlyAnAdministratorChangesASettingWhateverThePage() {
		jdbc.sql("insert into plt_user values ('risk-staff', 'staff', 'x', 'county_staff', ?, null, true, now())")
			.param(Fixture.COUNTY)
			.update();
		assertThatThrownBy(() -> library.changeSetting("white_slip", "min_amount", new BigDecimal("500")))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(jdbc.sql("select count(*) from risk_setting").query(Long.class).single()).isZero();
	}

}
