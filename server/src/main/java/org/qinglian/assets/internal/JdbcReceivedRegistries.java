package org.qinglian.assets.internal;

import java.sql.Date;
import java.util.List;
import java.util.Map;

import org.qinglian.assets.ReceivedRegistries;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.modulith.events.ApplicationModuleListener;

@Service
class JdbcReceivedRegistries implements ReceivedRegistries {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	private final Ties ties;

	JdbcReceivedRegistries(JdbcClient jdbc, Scopes scopes, AuditLog audit, Ties ties) {
		this.ties = ties;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
	}

	@Override
	public boolean tie() {
		return ties.tieIfChanged();
	}

	/** Ties again after an import, so that what reads the ties finds them ready. */
	@ApplicationModuleListener
	void on(BundleImported event) {
		ties.tieIfChanged();
	}

	@Override
	public List<Untied> untied(int limit) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		scope.require(Role.Permission.READ_PERSONAL_DATA);
		// tied again first if the persons or a registry changed (in a transaction of its
		// own: this read holds no connection meanwhile)
		ties.tieIfChanged();
		Map<String, Object> params = scope.parameters();
		params.put("county", scope.regionCode().endsWith("000000"));
		params.put("limit", Math.max(1, Math.min(limit, 5000)));
		List<Untied> rows = jdbc.sql("""
				select t.file, t.record_id, t.id_number, t.name, t.birth_date, t.tie, t.detail
				from ast_received_tie t
				where t.person_id is null and (:county or exists (select 1 from jur_person p
				    where p.region_code like :scope and (
				      -- the row's number (an old one upgraded) is one of the township's people's
				      upper(p.id_number) = (case when t.id_number ~ '^\\d{15}$' then jur_id_upgrade(t.id_number)
				                                  else upper(t.id_number) end)
				      -- or one keystroke from the number of someone of the township with its name
				      or (jur_name_key(p.name) = jur_name_key(t.name) and length(t.id_number) = 18
				          and jur_one_typo(upper(p.id_number), upper(t.id_number)))
				      -- or, without a number, someone of the township of its name and birth date
				      or (t.id_number is null and jur_name_key(p.name) = jur_name_key(t.name)
				          and p.birth_date = t.birth_date))))
				order by t.file, t.tie, t.record_id limit :limit""").params(params).query((rs, i) -> {
			Date born = rs.getDate(5);
			return new Untied(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					born == null ? null : born.toLocalDate(), rs.getString(6), rs.getString(7));
		}).list();
		audit.record("view_untied_registry_rows", "registry", null, scope.regionCode(), rows.size() + " rows");
		return rows;
	}

}
