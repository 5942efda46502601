package org.qinglian.assessment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.assessment.Metric;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of every township of the county for a year, metric by metric: one query
 * each, over the records of the other modules (read-only), grouped by township. A query
 * answers {@code (township, value, base)}.
 */
@Component
class MetricQueries {

	/** The township of a region code. */
	private static final String T = "substr(%s, 1, 9) || '000'";

	private static final String IN_OFFICE = """
			p.start_date <= :asof and (p.end_date is null or p.end_date >= :asof)""";

	static final Map<Metric, String> SQL = new EnumMap<>(Metric.class);

	static {
		SQL.put(Metric.GRID_COVERAGE, """
				select %s, count(*) filter (where
				         exists (select 1 from jur_position p where p.region_code = v.region_code
				                 and p.role in ('supervision_director', 'supervision_member') and %s)
				         and exists (select 1 from jur_position p where p.region_code = v.region_code
				                 and p.role = 'info_officer' and %s)), count(*)
				from jur_region v where v.level = 'village' and v.region_code like :county group by 1"""
			.formatted(T.formatted("v.region_code"), IN_OFFICE, IN_OFFICE));
		SQL.put(Metric.EXERCISE_CONFORMANCE, """
				select %s, count(*) filter (where c.conforms), count(c.exercise_id)
				from pow_exercise e left join pow_conformance c on c.exercise_id = e.exercise_id
				where e.started_on between :from and :to and e.region_code like :county group by 1"""
			.formatted(T.formatted("e.region_code")));
		SQL.put(Metric.DISCLOSURE_ON_TIME, """
				select %s, count(*) filter (where v.disclosed_on <= (date_trunc('month', v.booked_on)
				         + interval '1 month' + interval '9 days')::date), count(*)
				from ast_voucher v where v.booked_on between :from and :to and v.region_code like :county
				group by 1""".formatted(T.formatted("v.region_code")));
		SQL.put(Metric.FINDINGS_HANDLED,
				"""
						select %s, count(*) filter (where f.status in ('dismissed', 'clue')), count(*) filter (where f.status <> 'withdrawn')
						from risk_finding f where f.first_found >= :from and f.first_found < :to::date + 1
						and f.region_code like :county group by 1"""
					.formatted(T.formatted("f.region_code")));
		SQL.put(Metric.SUPERVISION_TASKS_ON_TIME, """
				select %s, count(*) filter (where t.done_on <= t.due_on), count(*)
				from net_task t where t.due_on between :from and :to and t.due_on <= :asof and t.owner_code like :county
				group by 1""".formatted(T.formatted("t.owner_code")));
		SQL.put(Metric.ONSITE_VERIFICATIONS,
				"""
						select x.township, (select count(*) from net_verification h
						         where substr(h.region_code, 1, 9) || '000' = x.township and h.verified_on between :from and :to),
						       x.villages
						from (select %s as township, count(*) as villages from jur_region v
						      where v.level = 'village' and v.region_code like :county group by 1) x"""
					.formatted(T.formatted("v.region_code")));
		SQL.put(Metric.REPORTS_ON_TIME,
				"""
						select r.unit_code, count(*) filter (where r.closed_on <= coalesce(r.extended_to, r.received_on + 60)),
						       count(*) filter (where r.closed_on is not null or coalesce(r.extended_to, r.received_on + 60) < :today)
						from int_report r where r.received_on between :from and :to and r.duplicate_of is null
						and r.unit_code like :county group by 1""");
		SQL.put(Metric.SATISFACTION, """
				select r.unit_code, count(*) filter (where r.satisfied), count(r.satisfied)
				from int_report r where r.received_on between :from and :to and r.duplicate_of is null
				and r.unit_code like :county group by 1""");
		SQL.put(Metric.REPORTS_DECLINE,
				"""
						select %s, count(*) filter (where r.received_on between :from and :to),
						       count(*) filter (where r.received_on between :from::date - interval '1 year' and :to::date - interval '1 year')
						from int_report r where r.duplicate_of is null and r.region_code like :county group by 1"""
					.formatted(T.formatted("r.region_code")));
		SQL.put(Metric.STATION_ORDERS_CLOSED,
				"""
						select s.township_code, count(*) filter (where o.closed_at is not null), count(*)
						from net_order o join net_station s on s.station_id = o.station_id
						where o.taken_at >= :from and o.taken_at < :to::date + 1 and s.township_code like :county group by 1""");
		SQL.put(Metric.SELF_HANDLED_CASES, """
				select k.unit_code, count(*) filter (where k.self_handled), 0
				from cas_case k where k.filed_on between :from and :to and k.unit_code like :county group by 1""");
		SQL.put(Metric.FOLLOWUPS_ON_TIME, """
				select k.unit_code, count(*) filter (where f.done_on <= f.due_on), count(*)
				from cas_followup f join cas_case k on k.case_id = f.case_id
				where f.due_on between :from and :to and f.due_on <= :asof and k.unit_code like :county group by 1""");
		SQL.put(Metric.CLUES_DISPOSED,
				"""
						select %s, count(*) filter (where c.disposition is not null), count(*)
						from cas_clue c where c.opened_at >= :from and c.opened_at < :to::date + 1 and c.region_code like :county
						group by 1"""
					.formatted(T.formatted("c.region_code")));
		SQL.put(Metric.EDUCATION_EVENTS, """
				select e.region_code, count(*), 0 from cas_education_event e
				where e.held_on between :from and :to and e.region_code like :county group by 1""");
		SQL.put(Metric.CULTURE_ACTIVITIES, """
				select a.township_code, count(*), 0 from net_culture_activity a
				where a.held_on between :from and :to and a.township_code like :county group by 1""");
	}

	/** A figure: the value counted and what it is counted against. */
	record Figure(BigDecimal value, BigDecimal base) {

		static final Figure NONE = new Figure(BigDecimal.ZERO, BigDecimal.ZERO);

	}

	private final JdbcClient jdbc;

	MetricQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of the metrics for every township of the county under the pattern, by
	 * township code.
	 */
	Map<Metric, Map<String, Figure>> figures(List<Metric> metrics, int year, String countyPattern, LocalDate today) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		LocalDate asof = today.isBefore(to) ? today : to;
		Map<Metric, Map<String, Figure>> all = new EnumMap<>(Metric.class);
		for (Metric m : metrics) {
			Map<String, Figure> byTownship = new HashMap<>();
			jdbc.sql(SQL.get(m))
				.param("from", from)
				.param("to", to)
				.param("asof", asof)
				.param("today", today)
				.param("county", countyPattern)
				.query(rs -> {
					byTownship.put(rs.getString(1),
							new Figure(BigDecimal.valueOf(rs.getLong(2)), BigDecimal.valueOf(rs.getLong(3))));
				});
			all.put(m, byTownship);
		}
		return all;
	}

}
