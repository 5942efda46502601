package org.qinglian.risk.rules;

import java.util.List;

import org.qinglian.risk.RiskRule;
import org.qinglian.risk.book.Rule;
import org.qinglian.risk.book.RuleBook;

/**
 * A rule of the rule book ({@code qinglian-rules}) as the platform runs it: its query is
 * the one the province scan runs on Spark, here on PostgreSQL, whose definitions of the
 * rules' functions ({@code risk_span}, {@code risk_money}, {@code risk_in_list}...) are
 * the risk library's migrations.
 */
public final class SqlRule implements RiskRule {

	private final Rule rule;

	private final List<Setting> settings;

	private final String sql;

	private SqlRule(Rule rule) {
		this.rule = rule;
		this.settings = rule.settings()
			.stream()
			.map(s -> new Setting(s.key(), s.nameZh(), s.defaultValue(), s.min(), s.max()))
			.toList();
		this.sql = rule.sql();
	}

	/** The rule book's rules, in the order they run. */
	public static List<RiskRule> all() {
		return RuleBook.all().stream().<RiskRule>map(SqlRule::new).toList();
	}

	@Override
	public Rule definition() {
		return rule;
	}

	@Override
	public String code() {
		return rule.code();
	}

	@Override
	public String scheme() {
		return rule.scheme();
	}

	@Override
	public String nameZh() {
		return rule.nameZh();
	}

	@Override
	public String nameEn() {
		return rule.nameEn();
	}

	@Override
	public String basis() {
		return rule.basis();
	}

	@Override
	public Severity severity() {
		return Severity.valueOf(rule.severity().name());
	}

	@Override
	public List<Setting> settings() {
		return settings;
	}

	@Override
	public String explanation() {
		return rule.explanation();
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
