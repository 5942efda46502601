package org.qinglian.network.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qinglian.network.Culture;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcCulture implements Culture {

	private final JdbcClient jdbc;

	private final NetworkSupport support;

	private final AuditLog audit;

	JdbcCulture(JdbcClient jdbc, NetworkSupport support, AuditLog audit) {
		this.jdbc = jdbc;
		this.support = support;
		this.audit = audit;
	}

	@Override
	public void setProgramme(String townshipCode, String brand, String description, String places) {
		Scope scope = support.require(Role.Permission.RUN_NETWORK);
		String township = support.region(scope, townshipCode, "townshipCode", "township");
		String b = NetworkSupport.text(brand, "brand", 100);
		String d = NetworkSupport.optional(description, "description", 2000);
		String p = NetworkSupport.optional(places, "places", 1000);
		jdbc.sql("""
				insert into net_culture (township_code, brand, description, places, updated_by, updated_at)
				values (?, ?, ?, ?, ?, now())
				on conflict (township_code) do update set brand = excluded.brand, description = excluded.description,
				  places = excluded.places, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(township, b, d, p, scope.user())
			.update();
		audit.record("set_culture", "region", township, township, b);
	}

	@Override
	public String recordActivity(String townshipCode, LocalDate heldOn, String kind, String title, String place,
			int participants) {
		Scope scope = support.require(Role.Permission.RUN_NETWORK);
		String township = support.region(scope, townshipCode, "townshipCode", "township");
		LocalDate held = NetworkSupport.date(heldOn, "heldOn");
		String k = NetworkSupport.oneOf(kind, "kind", KINDS);
		String t = NetworkSupport.text(title, "title", 200);
		String p = NetworkSupport.optional(place, "place", 200);
		Refused.unless(participants >= 0 && participants <= 100_000, "participants", "network.refused.participants");
		String id = support.nextId("WH", "net_activity_number", held);
		jdbc.sql("""
				insert into net_culture_activity (activity_id, township_code, held_on, kind, title, place, participants,
				                                  recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, township, held, k, t, p, participants, scope.user())
			.update();
		audit.record("record_culture_activity", "region", township, township, id);
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Programme> programme(String townshipCode) {
		return jdbc.sql("select township_code, brand, description, places from net_culture where township_code = ?")
			.param(townshipCode)
			.query((rs, i) -> new Programme(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Activity> activities(String townshipCode, int limit) {
		return jdbc.sql("""
				select activity_id, held_on, kind, title, place, participants from net_culture_activity
				where township_code = ? order by held_on desc, activity_id desc limit ?""")
			.params(townshipCode, limit)
			.query((rs, i) -> new Activity(rs.getString(1), NetworkSupport.date(rs, "held_on"), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6)))
			.list();
	}

}
