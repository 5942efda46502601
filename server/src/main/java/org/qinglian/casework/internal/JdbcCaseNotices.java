package org.qinglian.casework.internal;

import java.util.List;

import org.qinglian.casework.CaseNotices;
import org.qinglian.platform.Registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published notices only: their anonymised text, date and office; nothing else of a case.
 */
@Service
@Transactional(readOnly = true)
class JdbcCaseNotices implements CaseNotices {

	private final JdbcClient jdbc;

	private final Registry registry;

	JdbcCaseNotices(JdbcClient jdbc, Registry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	@Override
	public List<Notice> published(String regionPrefix, int limit) {
		String prefix = regionPrefix == null ? "" : regionPrefix.replaceAll("[^0-9]", "");
		return jdbc.sql("""
				select case_id, notice_published, unit_code, notice_text from cas_case
				where notice_published is not null and unit_code like ? order by notice_published desc, case_id
				limit ?""")
			.params(prefix + "%", Math.max(1, Math.min(limit, 200)))
			.query((rs, i) -> new Notice(rs.getString(1), rs.getDate(2).toLocalDate(),
					registry.regionName(rs.getString(3)).orElse(""), rs.getString(4)))
			.list();
	}

}
