package org.qinglian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The check characters against codes published elsewhere: the standard's own example and
 * firms' public codes.
 */
class IdentityCodesTests {

	@Test
	void theIdNumberCheckCharacterFollowsIso7064Mod11Of2() {
		// the worked example of GB 11643-1999
		assertThat(IdentityCodes.idNumberCheck("11010519491231002")).isEqualTo('X');
		assertThat(IdentityCodes.idNumberCheck("33068319680322241")).isNotEqualTo('X');
	}

	@Test
	void theCreditCodeCheckCharacterFollowsGb32100() {
		// unified social credit codes printed on the business licences of well-known
		// firms
		assertThat(IdentityCodes.creditCodeCheck("91440300708461136")).isEqualTo('T');
		assertThat(IdentityCodes.creditCodeCheck("9144030071526726X")).isEqualTo('G');
		assertThat(IdentityCodes.creditCodeCheck("91330100799655058")).isEqualTo('B');
	}

}
