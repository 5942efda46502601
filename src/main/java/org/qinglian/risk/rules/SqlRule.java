package org.qinglian.risk.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.qinglian.risk.RiskRule;

/**
 * A rule whose query is the file {@code <code>.sql} beside its class: one set-based query
 * over the county's tables, read only, following the exchange spec's "Default policy
 * settings" and "Precise readings of the policy". What several rules say alike (a span of
 * periods, money as text, a region's name, the cadres' positions in force, the holder of
 * a role) is written once, as SQL functions and views of the risk library's migrations
 * ({@code risk_span}, {@code risk_money}, {@code risk_region_name},
 * {@code risk_cadre_position}, {@code risk_in_force}, {@code risk_holder}...). A rule
 * knows nothing of any bundle's labels or ids.
 */
abstract class SqlRule implements RiskRule {

	private final Description description;

	private final List<Setting> settings;

	private final String sql;

	SqlRule(Description description, Setting... settings) {
		this.description = description;
		this.settings = List.of(settings);
		this.sql = read(description.code() + ".sql");
	}

	/**
	 * What a rule is, apart from its query.
	 *
	 * @param code the rule's name, from its class to its findings
	 * @param scheme the scheme of the spec's label vocabulary it looks for
	 * @param severity how serious its findings are
	 * @param nameZh its name in Chinese
	 * @param nameEn its name in English
	 * @param basis the legal or policy basis, in Chinese
	 * @param explanation a {@link java.text.MessageFormat} over the query's {@code facts}
	 */
	record Description(String code, String scheme, Severity severity, String nameZh, String nameEn, String basis,
			String explanation) {
	}

	private String read(String file) {
		try (InputStream in = getClass().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException("The rule " + description.code() + " has no query " + file);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String code() {
		return description.code();
	}

	@Override
	public String scheme() {
		return description.scheme();
	}

	@Override
	public String nameZh() {
		return description.nameZh();
	}

	@Override
	public String nameEn() {
		return description.nameEn();
	}

	@Override
	public String basis() {
		return description.basis();
	}

	@Override
	public Severity severity() {
		return description.severity();
	}

	@Override
	public List<Setting> settings() {
		return settings;
	}

	@Override
	public String explanation() {
		return description.explanation();
	}

	@Override
	public String sql() {
		return sql;
	}

	@Override
	public String toString() {
		return code();
	}

}
