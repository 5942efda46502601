package org.qinglian.risk.rules;

import java.util.List;

import org.qinglian.risk.RiskRule;

/** A rule defined by its attributes and its query. */
record SqlRule(String code, String scheme, String nameZh, String nameEn, String basis, Severity severity,
		List<Setting> settings, String explanation, String sql) implements RiskRule {
}
