package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qinglian.risk.rules.Fixture.V1;

import org.junit.jupiter.api.Test;

/**
 * {@code unit_price_over_reference}: the case it must catch, and the look-alikes it must
 * leave alone.
 */
class UnitPriceOverReferenceRuleTests extends RuleTest {

	@Test
	void aUnitPriceOver1point3TimesTheReferenceIsCaughtBut1point25AndExactly1point3AreNot() {
		data.referencePrice("concrete_c25", "2020-Q2", "500.00")
			.referencePrice("concrete_c25", "2020-Q1", "300.00")
			.project("J1", V1, null, "OC", "2020-05-10")
			.item("J1", 1, "concrete_c25", "10", "650.01")
			.item("J1", 2, "concrete_c25", "10", "625.00")
			.item("J1", 3, "concrete_c25", "10", "650.00");
		assertThat(scan("unit_price_over_reference")).singleElement().satisfies(f -> {
			assertThat(f.records()).isEqualTo("project_items.csv:J1#1;projects.csv:J1");
			assertThat(f.subject()).isEqualTo("OC");
			assertThat(f.amount()).isEqualByComparingTo("1500.10");
		});
	}

}
