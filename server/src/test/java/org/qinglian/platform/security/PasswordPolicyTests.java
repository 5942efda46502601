package org.qinglian.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qinglian.platform.UserAccounts.AccountException;

class PasswordPolicyTests {

	@Test
	void weakPasswordsAreRefusedWithTheirReason() {
		assertThatThrownBy(() -> PasswordPolicy.check("zhang", "Ab1!short")).isInstanceOf(AccountException.class)
			.hasMessageContaining("at least 12");
		assertThatThrownBy(() -> PasswordPolicy.check("zhang", "qinglian-demo")).hasMessageContaining("guess");
		assertThatThrownBy(() -> PasswordPolicy.check("zhangwei", "zhangwei-2026!x")).hasMessageContaining("username");
		assertThatThrownBy(() -> PasswordPolicy.check("zhang", "abcdefghijkl")).hasMessageContaining("mix letters");
		assertThatThrownBy(() -> PasswordPolicy.check("zhang", "aaaa1111!!!!aaaa")).hasMessageContaining("repetitive");
	}

	@Test
	void goodPasswordsPass() {
		assertThatCode(() -> PasswordPolicy.check("zhang", "k7#Tq9-mw2Lp")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check("zhang", "correct horse battery")).doesNotThrowAnyException();
	}

}
