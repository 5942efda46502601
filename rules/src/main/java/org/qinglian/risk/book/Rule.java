package org.qinglian.risk.book;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A risk rule (风险规则), defined once for every engine that runs it: what it is, its
 * settings with the exchange spec's defaults, and its query, the file {@code <code>.sql}
 * beside this class.
 * <p>
 * The query is written in the SQL that PostgreSQL (the platform) and Spark SQL (the
 * province scan) both run. It reads the platform's tables by their names and columns
 * ({@code jur_person}, {@code ast_voucher}, {@code pow_exercise}... and the near kin
 * {@code risk_near_kin}, the cadres' positions {@code risk_cadre_position}); where the
 * two dialects differ, it calls one of the small functions each engine defines alike (see
 * {@link #FUNCTIONS}). Named parameters are the rule's settings and {@code :county},
 * {@code :period_from}, {@code :period_to}, {@code :today}.
 * <p>
 * One row is one finding, with the columns {@code key} (what makes it the same finding at
 * the next scan), {@code subject_id}, {@code region_code}, {@code period},
 * {@code amount}, {@code records} (an array of {@code file:record_id}) and the facts
 * {@code f0}, {@code f1}... that fill the {@link #explanation() explanation}; a row
 * becomes a finding by {@link Finding#of}.
 *
 * @param code the rule's name, from its definition to its findings
 * @param scheme the scheme of the spec's label vocabulary it looks for
 * @param severity how serious its findings are
 * @param nameZh its name in Chinese
 * @param nameEn its name in English
 * @param basis the legal or policy basis, in Chinese
 * @param explanation a {@link java.text.MessageFormat} over the query's facts
 * @param settings what an administrator may change, with the spec's defaults
 */
public record Rule(String code, String scheme, Severity severity, String nameZh, String nameEn, String basis,
		String explanation, List<Setting> settings) {

	/**
	 * The functions a query may call, which each engine defines with the same meaning
	 * (PostgreSQL in the risk library's migrations, Spark in the province scan's
	 * {@code spark-functions.sql}).
	 */
	public static final List<String> FUNCTIONS = List.of("risk_span", "risk_months", "risk_days", "risk_money",
			"risk_month_zh", "risk_program_zh", "risk_asset_kind_zh", "risk_first_approver", "risk_in_force",
			"risk_month", "risk_day", "risk_quarter", "risk_days_between", "risk_add_years", "risk_disclosure_due",
			"risk_in_list", "risk_join", "risk_join_in_order", "risk_list");

	public Rule {
		settings = List.copyOf(settings);
	}

	/** The query, in the SQL both engines run. */
	public String sql() {
		String file = code + ".sql";
		try (InputStream in = Rule.class.getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("The rule " + code + " has no query " + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a setting is a whole number (days, villages, properties): its query reads
	 * it as an integer, which the engines would round differently from a fraction, so a
	 * fraction is refused wherever it is set.
	 * @param key the setting
	 * @return whether it is whole
	 */
	public boolean whole(String key) {
		return sql().contains("cast(:" + key + " as int)");
	}

	/**
	 * The tables the rule reads by village, declared by a line {@code -- by village:
	 * table, table} of its query: a finding of a region is made of that region's rows of
	 * these tables alone (their {@code region_code}), whatever it reads of the other
	 * tables. So when only rows of these tables changed, and only in some regions, the
	 * rule need only be run again for those regions (the platform's incremental scan); a
	 * rule that compares regions (a person paid in two villages, a township's median)
	 * declares none.
	 * @return the tables, none if the rule is not read by village
	 */
	public List<String> byVillage() {
		return sql().lines()
			.filter(l -> l.startsWith(BY_VILLAGE))
			.findFirst()
			.map(l -> List.of(l.substring(BY_VILLAGE.length()).strip().split("\\s*,\\s*")))
			.orElse(List.of());
	}

	private static final String BY_VILLAGE = "-- by village:";

	/** How serious a finding of a rule is. */
	public enum Severity {

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
	public record Setting(String key, String nameZh, BigDecimal defaultValue, BigDecimal min, BigDecimal max) {

		public static Setting of(String key, String nameZh, String defaultValue, String min, String max) {
			return new Setting(key, nameZh, new BigDecimal(defaultValue), new BigDecimal(min), new BigDecimal(max));
		}

	}

}
