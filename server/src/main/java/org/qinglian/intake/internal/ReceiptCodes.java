package org.qinglian.intake.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.qinglian.intake.IntakeSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receipt codes (受理回执码): {@value #DIGITS} random digits (66 bits) that let a reporter
 * follow a report without an account. Only a slow hash is stored (PBKDF2-HMAC-SHA256 of
 * the JDK, with the installation's salt), so that neither a copy of the database nor a
 * staff member can follow a report as its reporter; the hash is deterministic within an
 * installation, so that a code is found with one indexed lookup.
 * <p>
 * The work factor is small on purpose: the codes' entropy, not the iterations, is what
 * makes guessing hopeless (2^66 codes), and the public API must take hundreds of reports
 * a second on two cores.
 */
@Component
class ReceiptCodes {

	static final int DIGITS = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final int iterations;

	private volatile byte[] salt;

	private final TransactionTemplate own;

	ReceiptCodes(JdbcClient jdbc, IntakeSettings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.iterations = settings.receiptIterations();
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A new code, digits only. */
	String newCode() {
		StringBuilder code = new StringBuilder(DIGITS);
		code.append(1 + RANDOM.nextInt(9));
		for (int i = 1; i < DIGITS; i++) {
			code.append(RANDOM.nextInt(10));
		}
		return code.toString();
	}

	/**
	 * The code as the reporter typed it, digits only, or {@code null} when it cannot be a
	 * code (spaces and dashes between the digits are allowed).
	 */
	static String normalise(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder digits = new StringBuilder(DIGITS);
		for (int i = 0; i < typed.length(); i++) {
			char c = typed.charAt(i);
			if (c >= '0' && c <= '9') {
				if (digits.length() == DIGITS) {
					return null;
				}
				digits.append(c);
			}
			else if (c != ' ' && c != '-' && c != '\u00a0' && c != '\u3000') {
				return null;
			}
		}
		return digits.length() == DIGITS ? digits.toString() : null;
	}

	/** The code in groups of four, as a reporter reads it off a page. */
	static String grouped(String code) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < code.length(); i += 4) {
			if (i > 0) {
				out.append(' ');
			}
			out.append(code, i, Math.min(code.length(), i + 4));
		}
		return out.toString();
	}

	/** The stored form of a (normalised) code. */
	String hash(String code) {
		try {
			PBEKeySpec spec = new PBEKeySpec(code.toCharArray(), salt(), iterations, 256);
			byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			spec.clearPassword();
			return HexFormat.of().formatHex(hash);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	/**
	 * The installation's salt: made once, in a transaction of its own that commits before
	 * any code is hashed with it (so that neither a read-only caller nor a refused report
	 * can lose it), and kept in memory only once it is read back from the database.
	 */
	private byte[] salt() {
		byte[] s = salt;
		if (s == null) {
			String stored = own.execute(status -> {
				byte[] fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				jdbc.sql("insert into int_receipt_salt (id, salt) values (1, ?) on conflict (id) do nothing")
					.param(HexFormat.of().formatHex(fresh))
					.update();
				return jdbc.sql("select salt from int_receipt_salt where id = 1").query(String.class).single();
			});
			s = HexFormat.of().parseHex(stored);
			salt = s;
		}
		return s;
	}

}
