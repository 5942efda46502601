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
		// the two worked examples of GB 11643-1999
		assertThat(IdentityCodes.idNumberCheck("11010519491231002")).isEqualTo('X');
		assertThat(IdentityCodes.idNumberCheck("44052418800101001")).isEqualTo('4');
		// worked by hand: the weighted sum 3·7 + 3·9 + … + 1·2 = 316, 316 mod 11 = 8,
		// "10X98765432"[8]
		assertThat(IdentityCodes.idNumberCheck("33068319680322241")).isEqualTo('4');
		assertThat(IdentityCodes.idNumberCheck("33068320010101123")).isEqualTo('2');
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
