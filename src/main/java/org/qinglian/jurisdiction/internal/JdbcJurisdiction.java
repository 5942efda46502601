package org.qinglian.jurisdiction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcJurisdiction implements Jurisdiction {

	private static final String REGION = "select region_code, name, level, parent_code, cashless_since, custody_since from jur_region";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	JdbcJurisdiction(JdbcClient jdbc, Scopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Override
	public List<RegionView> regions() {
		return jdbc.sql(REGION + " order by region_code").query(JdbcJurisdiction::region).list();
	}

	@Override
	public Optional<RegionView> region(String regionCode) {
		return jdbc.sql(REGION + " where region_code = ?").param(regionCode).query(JdbcJurisdiction::region).optional();
	}

	@Override
	public List<RegionView> regionsInScope() {
		Scope scope = scopes.current();
		return jdbc.sql(REGION + " where region_code like ? order by region_code")
			.param(scope.pattern())
			.query(JdbcJurisdiction::region)
			.list();
	}

	private static RegionView region(ResultSet rs, int i) throws SQLException {
		return new RegionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
	}

	@Override
	public List<PositionView> positions(String regionCode, LocalDate on) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		scope.requireCovers(regionCode);
		return jdbc.sql("""
				select p.person_id, n.name, p.region_code, p.role, p.start_date, p.end_date
				from jur_position p join jur_person n on n.person_id = p.person_id
				where p.region_code like ? and p.region_code like ?
				  and p.start_date <= ? and (p.end_date is null or p.end_date >= ?)
				order by p.region_code, p.role, n.name""")
			.params(new Scope(scope.user(), scope.role(), regionCode).pattern(), scope.pattern(), on, on)
			.query((rs, i) -> new PositionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
	}

	@Override
	public Map<String, String> names(Collection<String> personIds) {
		Scope scope = scopes.current();
		Map<String, String> names = new HashMap<>();
		if (personIds.isEmpty() || !scope.can(Role.Permission.READ_VILLAGE_DATA)) {
			return names;
		}
		jdbc.sql("""
				select n.person_id, n.name from jur_person n
				where n.person_id = any(?)
				  and (n.region_code like ? or exists (select 1 from jur_position p
				       where p.person_id = n.person_id and p.region_code like ?))""")
			.params(personIds.toArray(String[]::new), scope.pattern(), scope.pattern())
			.query((ResultSet rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

}
