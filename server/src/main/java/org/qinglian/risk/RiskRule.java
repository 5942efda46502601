package org.qinglian.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * A red-flag rule (风险规则) of the library: a rule of the rule book
 * ({@link org.qinglian.risk.book.RuleBook}, module {@code qinglian-rules}), whose query
 * both the platform and the province scan run. Its query returns one row per finding with
 * the columns {@code key} (what makes the finding the same one at the next scan),
 * {@code subject_id}, {@code region_code}, {@code period}, {@code amount},
 * {@code records} (text array of {@code file:record_id}) and the facts {@code f0},
 * {@code f1}... filling the explanation template. Named parameters are the rule's
 * settings, {@code :county} (the county's region code), {@code :period_from} and
 * {@code :period_to} (the data period) and {@code :today}.
 */
public interface RiskRule {

	/** The rule book's definition of the rule. */
	org.qinglian.risk.book.Rule definition();

	String code();

	/** The label vocabulary's scheme the rule looks for. */
	String scheme();

	String nameZh();

	String nameEn();

	/** The legal or policy basis, in Chinese. */
	String basis();

	Severity severity();

	/**
	 * What an administrator may change, with defaults from the exchange spec's policy.
	 */
	List<Setting> settings();

	/** The explanation in Chinese, a {@link java.text.MessageFormat} over the facts. */
	String explanation();

	String sql();

	/** How serious a finding of the rule is. */
	enum Severity {

		HIGH, MEDIUM, LOW

	}

	/**
	 * A setting of a rule.
	 *
	 * @param key the parameter name in the rule's query
	 * @param nameZh what it is, in Chinese
	 * @param defaultValue the spec's default
	 * @param min the least value allowed
	 * @param max the largest value allowed
	 */
	record Setting(String key, String nameZh, BigDecimal defaultValue, BigDecimal min, BigDecimal max) {

		public static Setting of(String key, String nameZh, String defaultValue, String min, String max) {
			return new Setting(key, nameZh, new BigDecimal(defaultValue), new BigDecimal(min), new BigDecimal(max));
		}

	}

}
