package org.qinglian.intake.internal;

import java.time.LocalDate;
import java.util.List;

import org.qinglian.intake.Reports;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcReports implements Reports {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	JdbcReports(JdbcClient jdbc, Scopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Override
	public java.util.Map<String, Long> accusationsByVillage() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select r.region_code, count(*) from int_report r
				where r.unit_code like :scope and r.kind = 'accusation' and r.duplicate_of is null
				  and not jur_recused(:me, r.region_code, r.subject_id)
				group by r.region_code""").params(scope.parameters()).query((java.sql.ResultSet rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	@Override
	public List<ReportView> naming(String subjectId) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		return jdbc.sql("""
				select report_id, received_on, channel, kind, anonymous, region_code, closed_on, satisfied
				from int_report r where r.subject_id = :subject and r.unit_code like :scope
				  and not jur_recused(:me, r.region_code, r.subject_id)
				order by received_on desc""")
			.params(scope.parameters())
			.param("subject", subjectId)
			.query((rs, i) -> new ReportView(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getObject(7, LocalDate.class),
					(Boolean) rs.getObject(8)))
			.list();
	}

}
