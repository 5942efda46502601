package org.qinglian.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qinglian.risk.RiskLibrary;

/**
 * The near kin are rebuilt for a scan only when the persons or their kin changed since
 * they were last built (a refresh writes the materialized view anew, under a new file),
 * and then the rules read the change.
 */
class NearKinRefreshTests extends RuleTest {

	long file() {
		return jdbc.sql("select relfilenode from pg_class where relname = 'risk_near_kin'").query(Long.class).single();
	}

	@Test
	void aScanRebuildsTheNearKinOnlyWhenPersonsOrKinChanged() {
		data.person("PA", "330683199001010011", "H1", Fixture.V1).person("PB", "330683199202020022", "H2", Fixture.V1);
		library.scan(RiskLibrary.ScanProgress.NONE);
		long built = file();
		assertThat(pairs()).isZero();
		library.scan(RiskLibrary.ScanProgress.NONE);
		assertThat(file()).as("nothing changed: not rebuilt").isEqualTo(built);

		data.kin("PA", "PB", "sibling");
		library.scan(RiskLibrary.ScanProgress.NONE);
		assertThat(file()).as("kin changed: rebuilt").isNotEqualTo(built);
		assertThat(pairs()).isEqualTo(1);
	}

	long pairs() {
		return jdbc
			.sql("select count(*) from risk_near_kin where a = '330683199001010011' and b = '330683199202020022'")
			.query(Long.class)
			.single();
	}

}
