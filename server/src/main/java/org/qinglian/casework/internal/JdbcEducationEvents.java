package org.qinglian.casework.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.qinglian.casework.EducationEvents;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Warning-education events (警示教育) of the user's jurisdiction. */
@Service
@Transactional
class JdbcEducationEvents implements EducationEvents {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Registry registry;

	private final CaseworkSupport db;

	JdbcEducationEvents(JdbcClient jdbc, AuditLog audit, Registry registry, CaseworkSupport db) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.registry = registry;
		this.db = db;
	}

	@Override
	public String recordEvent(LocalDate heldOn, String kind, String title, String place, String regionCode,
			List<String> attendees) {
		Scope scope = db.staff();
		String region = regionCode == null || regionCode.isBlank() ? scope.regionCode() : regionCode;
		if (!scope.covers(region) || !region.endsWith("000") || registry.regionName(region).isEmpty()) {
			throw new Refused("casework.refused.eventRegion",
					"an event belongs to a township or the county of your jurisdiction");
		}
		if (heldOn == null) {
			throw new Refused("casework.refused.date", "the event's date must be given");
		}
		String k = CaseworkSupport.text(kind, "kind", 24);
		if (!Set.of("court_hearing", "warning_film", "exhibition", "lecture", "other").contains(k)) {
			throw new Refused("casework.refused.eventKind", "kind is not one of the list", k);
		}
		List<String> people = attendees == null ? List.of()
				: attendees.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		for (String p : people) {
			if (!db.inScope(scope, p)) {
				throw new Refused("casework.refused.attendee", "not a person of your jurisdiction", p);
			}
		}
		String id = db.nextId("JY", "cas_event_number", 5, heldOn, "cas_education_event", "event_id");
		jdbc.sql("""
				insert into cas_education_event (event_id, region_code, held_on, kind, title, place, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, region, heldOn, k, CaseworkSupport.text(title, "title", 200),
					CaseworkSupport.text(place, "place", 200), scope.user())
			.update();
		for (String p : people) {
			jdbc.sql("insert into cas_event_attendee (event_id, person_id) values (?, ?)").params(id, p).update();
		}
		audit.record("record_event", "education_event", id, region, people.size() + " attendees");
		return id;
	}

	@Override
	@Transactional(readOnly = true)
	public List<EducationEvent> events(int year) {
		Scope scope = db.staff();
		return jdbc.sql("""
				select e.event_id, e.held_on, e.kind, e.title, e.place, e.region_code,
				       (select count(*) from cas_event_attendee a where a.event_id = e.event_id) as attendees
				from cas_education_event e where e.region_code like :scope and extract(year from e.held_on) = :year
				order by e.held_on desc""")
			.params(db.params(scope))
			.param("year", year)
			.query((rs, i) -> new EducationEvent(rs.getString(1), CaseworkSupport.date(rs, "held_on"), rs.getString(3),
					rs.getString(4), rs.getString(5), db.name(rs.getString(6)), rs.getInt(7)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<EducationTally> tally(String regionCode) {
		return jdbc.sql("""
				select extract(year from e.held_on)::int as year, e.kind, count(*) from cas_education_event e
				where e.region_code = ? and e.held_on < date_trunc('year', current_date)
				group by 1, 2 order by 1 desc, 2""")
			.param(regionCode)
			.query((rs, i) -> new EducationTally(rs.getInt(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

}
