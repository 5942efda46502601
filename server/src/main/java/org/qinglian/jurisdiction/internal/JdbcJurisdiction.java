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
import org.qinglian.jurisdiction.RegionLevel;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcJurisdiction implements Jurisdiction {

	private static final String REGION = "select region_code, name, level, parent_code, cashless_since, custody_since from jur_region";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	JdbcJurisdiction(JdbcClient jdbc, Scopes scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
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
		return new RegionView(rs.getString(1), rs.getString(2), RegionLevel.of(rs.getString(3)), rs.getString(4),
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
			.params(Scope.patternOf(regionCode), scope.pattern(), on, on)
			.query((rs, i) -> new PositionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
	}

	@Override
	public Optional<PersonFile> person(String personId) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_PERSONAL_DATA);
		Optional<String[]> found = jdbc.sql("""
				select n.person_id, n.name, n.region_code, n.id_number from jur_person n
				where n.person_id = ? and (n.region_code like ? or exists (select 1 from jur_position p
				       where p.person_id = n.person_id and p.region_code like ?))""")
			.params(personId, scope.pattern(), scope.pattern())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		String[] p = found.get();
		if (mustRecuse(scope, p[3], p[2])) {
			return Optional.empty();
		}
		audit.record("view_person", "person", personId, p[2], null);
		List<PositionView> positions = jdbc.sql("""
				select p.person_id, n.name, p.region_code, p.role, p.start_date, p.end_date
				from jur_position p join jur_person n on n.person_id = p.person_id
				where n.id_number = ? and p.region_code like ? order by p.start_date""")
			.params(p[3], scope.pattern())
			.query((rs, i) -> new PositionView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
			.list();
		// kin and organizations within the user's jurisdiction only
		List<KinView> kin = jdbc.sql("""
				with me as (select person_id, household_id from jur_person where id_number = ?)
				select * from (
				select distinct r.person_id, r.name, k.relation, k.source, r.region_code
				from jur_kin k join me on me.person_id = k.person_id join jur_person r on r.person_id = k.relative_id
				union
				select distinct r.person_id, r.name, k.relation, k.source, r.region_code
				from jur_kin k join me on me.person_id = k.relative_id join jur_person r on r.person_id = k.person_id
				union
				select distinct r.person_id, r.name, 'household', 'household_registry', r.region_code
				from jur_person r join me on me.household_id = r.household_id
				where r.id_number <> ? and not exists (select 1 from jur_kin k
				  where (k.person_id = r.person_id and k.relative_id = me.person_id)
				     or (k.relative_id = r.person_id and k.person_id = me.person_id))) kin
				where kin.region_code like ?
				order by 3, 2""")
			.params(p[3], p[3], scope.pattern())
			.query((rs, i) -> new KinView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		List<OrganizationView> orgs = jdbc.sql("""
				with people as (
				  select person_id from jur_person where id_number = ?
				  union select k.relative_id from jur_kin k join jur_person me on me.person_id = k.person_id
				    where me.id_number = ? and k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
				  union select k.person_id from jur_kin k join jur_person me on me.person_id = k.relative_id
				    where me.id_number = ? and k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
				  union select r.person_id from jur_person r join jur_person me on me.household_id = r.household_id
				    where me.id_number = ?),
				ties as (
				  select org_id, legal_rep_id as person_id, 'legal_rep' as role from jur_organization
				  union select org_id, person_id, role from jur_org_person)
				select distinct o.org_id, o.name, n.name, t.role
				from ties t join people pp on pp.person_id = t.person_id
				join jur_organization o on o.org_id = t.org_id join jur_person n on n.person_id = t.person_id
				where o.region_code like ? and n.region_code like ?
				order by 2""")
			.params(p[3], p[3], p[3], p[3], scope.pattern(), scope.pattern())
			.query((rs, i) -> new OrganizationView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
		return Optional.of(new PersonFile(p[0], p[1], p[2], positions, kin, orgs));
	}

	/**
	 * Recusal (回避): a user who is in the registry does not open the file of themselves,
	 * of their near kin (declared near ties either way, or the same household), or of
	 * someone of their own village.
	 */
	private boolean mustRecuse(Scope scope, String idNumber, String regionCode) {
		if (scope.personId() == null) {
			return false;
		}
		return jdbc
			.sql("""
					with me as (select id_number, household_id, region_code from jur_person where person_id = ?)
					select exists (select 1 from me where me.id_number = ? or me.region_code = ?)
					    or exists (select 1 from jur_person a join jur_kin k on k.person_id = a.person_id
					               join jur_person b on b.person_id = k.relative_id, me
					               where k.relation in ('spouse', 'parent', 'child', 'sibling', 'in_law')
					                 and ((a.id_number = me.id_number and b.id_number = ?) or (b.id_number = me.id_number and a.id_number = ?)))
					    or exists (select 1 from jur_person o, me where o.id_number = ? and o.household_id = me.household_id)""")
			.params(scope.personId(), idNumber, regionCode, idNumber, idNumber, idNumber)
			.query(Boolean.class)
			.single();
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
