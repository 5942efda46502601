package org.qinglian.statistics;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.platform.Csv;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's report card (成绩单): the metrics of the exchange format's "Report card"
 * section for a year and a scope (the county, or one township), each with the same figure
 * for the year before and the change in percent. Imported history and records entered in
 * the platform count alike; a report counts in the year it was received, a case in the
 * year it was filed, a clue in the year it was opened, a follow-up (一案五必须) in the year it
 * is due (on time: done by its deadline). The four report metrics count a report and its
 * confirmed duplicates once.
 * <p>
 * Reports are in a scope by where the matter happened ({@code region_code}); the township
 * metrics by the office that handled them ({@code unit_code}, a township's code); cases
 * by their office.
 */
@Service
@Transactional(readOnly = true)
public class ReportCard {

	/** The metrics, in the spec's order. */
	public static final List<String> METRICS = List.of("reports", "accusations", "rural_cadre_reports",
			"township_accusations", "township_cases_filed", "township_self_handled_cases", "duplicate_reports", "clues",
			"cases_filed", "joint_cases", "recovered_funds", "followups_due", "followups_on_time");

	private static final String TOWNSHIP_OFFICE = "unit_code like '%000' and unit_code not like '%000000'";

	private final JdbcClient jdbc;

	private final Scopes scopes;

	public ReportCard(JdbcClient jdbc, Scopes scopes) {
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	/**
	 * One metric.
	 *
	 * @param changePct (value - previous) / previous x 100, half up to two decimals;
	 * {@code null} when previous is 0
	 */
	public record Metric(String metric, String regionCode, int year, BigDecimal value, BigDecimal previous,
			BigDecimal changePct) {
	}

	/**
	 * The report card of a region of the signed-in user's jurisdiction (the county or a
	 * township; their own by default), for supervision staff.
	 */
	public List<Metric> forUser(int year, String regionCode) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		String code = regionCode == null || regionCode.isBlank() ? scope.regionCode() : regionCode;
		scope.requireCovers(code);
		return of(year, code);
	}

	/**
	 * The latest year with a report or a case, or {@code fallback} when there is none.
	 */
	public int latestYear(int fallback) {
		Integer year = jdbc.sql("""
				select max(y)::int from (select max(extract(year from received_on)) y from int_report
				union all select max(extract(year from filed_on)) from cas_case) t""").query(Integer.class).single();
		return year == null ? fallback : year;
	}

	/**
	 * The townships under a region of the user's jurisdiction that have a card of their
	 * own.
	 */
	public List<String> townshipsUnder(String regionCode) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		scope.requireCovers(regionCode);
		if (!regionCode.endsWith("000000")) {
			return List.of();
		}
		return jdbc
			.sql("""
					select region_code from jur_region where level = 'township' and region_code like ? order by region_code""")
			.param(Scope.patternOf(regionCode))
			.query(String.class)
			.list();
	}

	/**
	 * The report card of a county or township, for the command line (run by the
	 * installation's operator).
	 * @throws IllegalArgumentException when the code is not a county's or a township's
	 */
	public List<Metric> of(int year, String regionCode) {
		if (regionCode == null || !regionCode.matches("\\d{12}") || !regionCode.endsWith("000")) {
			throw new IllegalArgumentException(
					"the report card is for a county or a township (a 12-digit code ending in 000), not " + regionCode);
		}
		if (year < 1900 || year > 9998) {
			throw new IllegalArgumentException("no report card for the year " + year);
		}
		Map<String, BigDecimal> now = figures(year, Scope.patternOf(regionCode));
		Map<String, BigDecimal> before = figures(year - 1, Scope.patternOf(regionCode));
		List<Metric> metrics = new ArrayList<>();
		for (String m : METRICS) {
			BigDecimal value = now.get(m);
			BigDecimal previous = before.get(m);
			BigDecimal change = previous.signum() == 0 ? null
					: value.subtract(previous)
						.multiply(BigDecimal.valueOf(100))
						.divide(previous, 2, RoundingMode.HALF_UP);
			metrics.add(new Metric(m, regionCode, year, value, previous, change));
		}
		return metrics;
	}

	private Map<String, BigDecimal> figures(int year, String pattern) {
		Map<String, Object> params = Map.of("year", year, "scope", pattern);
		Map<String, BigDecimal> f = new LinkedHashMap<>();
		jdbc.sql("""
				select count(*) filter (where duplicate_of is null) as reports,
				       count(*) filter (where duplicate_of is null and kind = 'accusation') as accusations,
				       count(*) filter (where duplicate_of is null and rural_cadre) as rural_cadre_reports,
				       count(*) filter (where duplicate_of is not null) as duplicate_reports
				from int_report where extract(year from received_on) = :year and region_code like :scope""")
			.params(params)
			.query()
			.singleRow()
			.forEach((k, v) -> f.put(k, decimal(v)));
		f.put("township_accusations", decimal(jdbc.sql("""
				select count(*) from int_report where extract(year from received_on) = :year and unit_code like :scope
				and duplicate_of is null and kind = 'accusation' and\s""" + TOWNSHIP_OFFICE)
			.params(params)
			.query(Long.class)
			.single()));
		jdbc.sql("""
				select count(*) filter (where %s) as township_cases_filed,
				       count(*) filter (where %s and self_handled) as township_self_handled_cases,
				       count(*) as cases_filed, count(*) filter (where joint) as joint_cases,
				       coalesce(sum(recovered), 0) as recovered_funds
				from cas_case where extract(year from filed_on) = :year and unit_code like :scope"""
			.formatted(TOWNSHIP_OFFICE, TOWNSHIP_OFFICE))
			.params(params)
			.query()
			.singleRow()
			.forEach((k, v) -> f.put(k, decimal(v)));
		jdbc.sql("""
				select count(*) as followups_due, count(*) filter (where f.done_on <= f.due_on) as followups_on_time
				from cas_followup f join cas_case k on k.case_id = f.case_id
				where extract(year from f.due_on) = :year and k.unit_code like :scope""")
			.params(params)
			.query()
			.singleRow()
			.forEach((k, v) -> f.put(k, decimal(v)));
		f.put("clues", decimal(jdbc.sql("""
				select count(*) from cas_clue where extract(year from opened_at) = :year and region_code like :scope""")
			.params(params)
			.query(Long.class)
			.single()));
		return f;
	}

	private static BigDecimal decimal(Object v) {
		return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
	}

	/** The report card as the spec's {@code report-card.csv}. */
	public static void writeCsv(List<Metric> metrics, Writer out) throws IOException {
		out.write("metric,region_code,year,value,previous,change_pct\n");
		for (Metric m : metrics) {
			out.write(String.join(",", Csv.field(m.metric()), Csv.field(m.regionCode()), String.valueOf(m.year()),
					m.value().toPlainString(), m.previous().toPlainString(),
					m.changePct() == null ? "" : m.changePct().toPlainString()));
			out.write('\n');
		}
	}

}
