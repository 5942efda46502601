package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qinglian.risk.rules.Fixture.V1;
import static org.qinglian.risk.rules.Fixture.V2;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.qinglian.risk.RiskLibrary;

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
