package org.qinglian.casework.internal;

import java.time.LocalDate;
import java.util.List;

import org.qinglian.casework.Cases;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcCases implements Cases {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	JdbcCases(JdbcClient jdbc, Scopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Override
	public java.util.Map<String, Long> sanctionedByVillage() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				select v.region, count(*) from (
				    select coalesce(k.region_code, p.region_code) as region, k.subject_id from cas_case k
				    left join jur_person p on p.person_id = k.subject_id
				    where k.unit_code like :scope and k.sanction is not null and k.sanction <> 'none') v
				where v.region is not null and not jur_recused(:me, v.region, v.subject_id)
				group by v.region""").params(scope.parameters()).query((java.sql.ResultSet rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	@Override
	public List<CaseView> naming(String subjectId) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		return jdbc.sql("""
				select case_id, filed_on, unit_code, violation, sanction, recovered, closed_on
				from cas_case where subject_id = ? and unit_code like ? order by filed_on desc""")
			.params(subjectId, scope.pattern())
			.query((rs, i) -> new CaseView(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class)))
			.list();
	}

}
