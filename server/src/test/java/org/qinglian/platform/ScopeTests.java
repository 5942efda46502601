package org.qinglian.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeTests {

	@Test
	void aCountyCoversEveryRegionOfItsCodeAndNoOther() {
		Scope county = new Scope("c", Role.COUNTY_STAFF, "330683000000");
		assertThat(county.pattern()).isEqualTo("330683%");
		assertThat(county.covers("330683102208")).isTrue();
		assertThat(county.covers("330684102208")).isFalse();
	}

	@Test
	void aTownshipCoversItsVillagesButNotItsNeighbours() {
		Scope township = new Scope("t", Role.TOWNSHIP_STAFF, "330683101000");
		assertThat(township.covers("330683101000")).isTrue();
		assertThat(township.covers("330683101207")).isTrue();
		assertThat(township.covers("330683102207")).isFalse();
		assertThat(township.covers("330683000000")).as("not the county above it").isFalse();
		assertThatThrownBy(() -> township.requireCovers("330683102207")).isInstanceOf(Scope.NotInScopeException.class);
	}

	@Test
	void aVillageCoversOnlyItself() {
		Scope village = new Scope("v", Role.VILLAGE_CADRE, "330683101201");
		assertThat(village.covers("330683101201")).isTrue();
		assertThat(village.covers("330683101202")).isFalse();
		assertThat(village.covers(null)).isFalse();
		assertThat(Scope.patternOf("330683101201")).isEqualTo("330683101201%");
	}

	@Test
	void rolesOutsideSupervisionCannotReadComplaintsOrFindings() {
		for (Role role : new Role[] { Role.VILLAGE_CADRE, Role.VILLAGE_MONITOR, Role.CUSTODIAN, Role.AUDITOR }) {
			assertThat(role.can(Role.Permission.READ_SUPERVISION)).as(role.name()).isFalse();
		}
		assertThat(Role.TOWNSHIP_STAFF.can(Role.Permission.READ_SUPERVISION)).isTrue();
	}

}
