package org.qinglian.risk.book;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A finding as a rule's row makes it, the same whichever engine ran the query: its id
 * follows from the rule and the row's key, the amount is rounded to cents, the records
 * are sorted and joined by {@code ;}, the explanation is the rule's template filled with
 * the facts.
 *
 * @param id {@code F} and 24 hex digits of the SHA-256 of the rule's code and the key
 * @param ruleCode the rule
 * @param subjectId the person or organization responsible, or null
 * @param regionCode the region
 * @param period the period in the rule's words ({@code 2019-03~2019-07})
 * @param amount money at stake, or null
 * @param records the evidence, {@code file:record_id} joined by {@code ;}
 * @param explanation the explanation in Chinese
 * @param fingerprint what changes when any of the above does
 */
public record Finding(String id, String ruleCode, String subjectId, String regionCode, String period, BigDecimal amount,
		String records, String explanation, String fingerprint) {

	/**
	 * A finding of a rule's row.
	 * @param rule the rule
	 * @param key the row's {@code key}
	 * @param subject the row's {@code subject_id}
	 * @param region the row's {@code region_code}
	 * @param period the row's {@code period}
	 * @param amount the row's {@code amount}
	 * @param records the row's {@code records}
	 * @param facts the row's {@code f0}, {@code f1}... (a null fact is written empty)
	 * @return the finding
	 */
	public static Finding of(Rule rule, String key, String subject, String region, String period, BigDecimal amount,
			List<String> records, List<String> facts) {
		BigDecimal money = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
		TreeSet<String> sorted = new TreeSet<>();
		for (String r : records) {
			if (r != null) {
				sorted.add(r);
			}
		}
		String joined = String.join(";", sorted);
		Object[] args = facts.stream().map(f -> f == null ? "" : f).toArray();
		String explanation = new MessageFormat(rule.explanation(), Locale.SIMPLIFIED_CHINESE).format(args);
		String id = "F" + sha256(rule.code() + "|" + key).substring(0, 24);
		String fingerprint = sha256(
				subject + "|" + region + "|" + period + "|" + money + "|" + joined + "|" + explanation);
		return new Finding(id, rule.code(), subject, region, period, money, joined, explanation, fingerprint);
	}

	static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
