package org.qinglian.risk.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qinglian.risk.RiskLibrary.RefusedException;
import org.qinglian.risk.RiskRule;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The settings in force: the spec's defaults, overridden by what an administrator
 * changed.
 */
@Component
class Settings {

	private final JdbcTemplate jdbc;

	Settings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, BigDecimal> values(RiskRule rule) {
		Map<String, BigDecimal> changed = new HashMap<>();
		jdbc.query("select key, value from risk_setting where rule_code = ?", (ResultSet rs) -> {
			changed.put(rs.getString(1), rs.getBigDecimal(2));
		}, rule.code());
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (RiskRule.Setting s : rule.settings()) {
			values.put(s.key(), changed.getOrDefault(s.key(), s.defaultValue()));
		}
		return values;
	}

	/**
	 * @throws RefusedException when the rule has no such setting, the value is out of
	 * range, or a whole number (days, villages, properties) is given with a fraction
	 */
	void change(RiskRule rule, String key, BigDecimal value, String by) {
		RiskRule.Setting setting = rule.settings()
			.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow(
					() -> new RefusedException("risk.refused.noSetting",
							rule.code() + ": no setting '" + key + "' (settings: "
									+ rule.settings().stream().map(RiskRule.Setting::key).toList() + ")",
							rule.code(), key));
		if (value == null || value.compareTo(setting.min()) < 0 || value.compareTo(setting.max()) > 0) {
			throw new RefusedException("risk.refused.outOfRange",
					rule.code() + "." + key + ": " + value + " is outside " + setting.min().toPlainString() + " to "
							+ setting.max().toPlainString(),
					setting.nameZh(), String.valueOf(value), setting.min().toPlainString(),
					setting.max().toPlainString());
		}
		if (rule.definition().whole(key) && value.stripTrailingZeros().scale() > 0) {
			throw new RefusedException("risk.refused.notWhole",
					rule.code() + "." + key + ": " + value.toPlainString() + " is not a whole number", setting.nameZh(),
					value.toPlainString());
		}
		jdbc.update("""
				insert into risk_setting (rule_code, key, value, changed_by, changed_at) values (?, ?, ?, ?, now())
				on conflict (rule_code, key) do update set value = excluded.value, changed_by = excluded.changed_by,
				  changed_at = excluded.changed_at""", rule.code(), key, value, by);
	}

}
