package org.qinglian.platform.security;

import java.util.Locale;
import java.util.Set;

import org.qinglian.platform.UserAccounts.AccountException;

/**
 * What a password must be: at least 12 characters, of three kinds (letters, digits,
 * others; or 16 characters of any kind), not the username, not one of the passwords
 * everyone tries first.
 */
final class PasswordPolicy {

	private static final Set<String> COMMON = Set.of("password", "passw0rd", "qinglian", "qinglian-demo", "admin",
			"administrator", "123456", "12345678", "123456789", "1234567890", "qwerty", "abc123", "111111", "000000",
			"iloveyou", "welcome", "letmein", "changeme", "woaini", "a123456", "88888888", "666666");

	private PasswordPolicy() {
	}

	/**
	 * @throws AccountException saying why the password is refused
	 */
	static void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < 12) {
			throw new AccountException("password.short", "password: at least 12 characters");
		}
		if (password.length() > 200) {
			throw new AccountException("password.long", "password: at most 200 characters");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		for (String common : COMMON) {
			if (lower.contains(common) && common.length() * 2 >= lower.length()) {
				throw new AccountException("password.common", "password: too easy to guess");
			}
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new AccountException("password.username", "password: must not contain the username");
		}
		int kinds = 0;
		if (password.chars().anyMatch(Character::isLetter)) {
			kinds++;
		}
		if (password.chars().anyMatch(Character::isDigit)) {
			kinds++;
		}
		if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) {
			kinds++;
		}
		if (kinds < 3 && password.length() < 16) {
			throw new AccountException("password.kinds",
					"password: mix letters, digits and other characters, or use at least 16 characters");
		}
		if (password.chars().distinct().count() < 5) {
			throw new AccountException("password.repetitive", "password: too repetitive");
		}
	}

}
