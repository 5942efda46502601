package org.qinglian.assessment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.assessment.Assessments;
import org.qinglian.assessment.Metric;
import org.qinglian.assessment.Standards;
import org.qinglian.assessment.Standards.Item;
import org.qinglian.assessment.internal.MetricQueries.Figure;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Registry.RegionName;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores every township office of the county under the standards in force: the ranking is
 * among all of them, whoever asks; a township's staff see their own office's line.
 */
@Service
@Transactional
class JdbcAssessments implements Assessments {

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final Standards standards;

	private final MetricQueries metrics;

	private final AuditLog audit;

	private final Clock clock;

	JdbcAssessments(JdbcClient jdbc, Scopes scopes, Standards standards, MetricQueries metrics, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.standards = standards;
		this.metrics = metrics;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Assessment assess(int year) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_SUPERVISION);
		Refused.unless(year >= 2000 && year <= 2100, "year", "assessment.refused.year");
		String county = scope.regionCode().substring(0, 6) + "%";
		List<Standards.Aspect> aspects = standards.aspects();
		List<Item> items = aspects.stream().flatMap(a -> a.items().stream()).filter(i -> !i.retired()).toList();
		List<RegionName> townships = jdbc.sql("""
				select region_code, name from jur_region where level = 'township' and region_code like ?
				order by region_code""")
			.param(county)
			.query((rs, i) -> new RegionName(rs.getString(1), rs.getString(2)))
			.list();
		LocalDate today = LocalDate.now(clock);
		Map<String, List<ItemScore>> now = score(items, year, county, today);
		Map<String, List<ItemScore>> before = score(items, year - 1, county, today);
		Map<String, String> designated = new HashMap<>();
		jdbc.sql("select township_code, note from asm_designation where year = ?").param(year).query(rs -> {
			designated.put(rs.getString(1), rs.getString(2));
		});
		List<Office> all = new ArrayList<>();
		for (RegionName t : townships) {
			List<ItemScore> scores = now.getOrDefault(t.code(), List.of());
			all.add(new Office(t.code(), t.name(), scores, total(scores),
					total(before.getOrDefault(t.code(), List.of())), 0, designated.containsKey(t.code()),
					designated.get(t.code())));
		}
		all.sort(Comparator.comparing(Office::total).reversed().thenComparing(Office::townshipCode));
		List<Office> ranked = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			Office o = all.get(i);
			// equal totals share a rank
			int rank = i > 0 && all.get(i - 1).total().compareTo(o.total()) == 0 ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Office(o.townshipCode(), o.name(), o.items(), o.total(), o.previous(), rank, o.designated(),
					o.designationNote()));
		}
		List<Office> visible = ranked.stream().filter(o -> scope.covers(o.townshipCode())).toList();
		BigDecimal maximum = items.stream().map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Assessment(year, aspects, visible, ranked.size(), maximum);
	}

	private static BigDecimal total(List<ItemScore> scores) {
		return scores.stream().map(ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Every item of every township for a year. */
	private Map<String, List<ItemScore>> score(List<Item> items, int year, String county, LocalDate today) {
		List<Metric> used = items.stream().filter(Item::data).map(Item::metric).distinct().toList();
		Map<Metric, Map<String, Figure>> figures = metrics.figures(used, year, county, today);
		Map<String, Map<String, Object[]>> reviews = new HashMap<>();
		jdbc.sql("select township_code, item_code, score, note from asm_review where year = ?")
			.param(year)
			.query(rs -> {
				reviews.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
					.put(rs.getString(2), new Object[] { rs.getBigDecimal(3), rs.getString(4) });
			});
		List<String> townships = jdbc
			.sql("select region_code from jur_region where level = 'township' and region_code like ?")
			.param(county)
			.query(String.class)
			.list();
		Map<String, List<ItemScore>> byTownship = new HashMap<>();
		for (String t : townships) {
			List<ItemScore> scores = new ArrayList<>();
			for (Item item : items) {
				if (item.data()) {
					Figure f = figures.get(item.metric()).getOrDefault(t, Figure.NONE);
					BigDecimal achievement = item.metric().achievement(f.value(), f.base());
					scores.add(new ItemScore(item, f.value(), f.base(), achievement,
							Metric.score(item.weight(), item.target(), achievement), null));
				}
				else {
					Object[] r = reviews.getOrDefault(t, Map.of()).get(item.code());
					BigDecimal score = r == null ? BigDecimal.ZERO.setScale(2) : ((BigDecimal) r[0]).min(item.weight());
					scores.add(new ItemScore(item, null, null, null, score, r == null ? null : (String) r[1]));
				}
			}
			byTownship.put(t, scores);
		}
		return byTownship;
	}

	private Scope assessor() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.ASSESS_OFFICES);
		if (!scope.regionCode().endsWith("000000")) {
			throw new Refused("assessment.refused.county", "the assessment is the county's");
		}
		return scope;
	}

	private String township(Scope scope, String code) {
		boolean ok = code != null && code.matches("\\d{12}") && scope.covers(code)
				&& jdbc.sql("select count(*) from jur_region where region_code = ? and level = 'township'")
					.param(code)
					.query(Long.class)
					.single() == 1;
		Refused.unless(ok, "townshipCode", "assessment.refused.township");
		return code;
	}

	@Override
	public void review(int year, String townshipCode, String itemCode, BigDecimal score, String note) {
		Scope scope = assessor();
		Refused.unless(year >= 2000 && year <= 2100, "year", "assessment.refused.year");
		String township = township(scope, townshipCode);
		Item item = standards.aspects()
			.stream()
			.flatMap(a -> a.items().stream())
			.filter(i -> i.code().equals(itemCode) && !i.data() && !i.retired())
			.findFirst()
			.orElseThrow(() -> new Refused("assessment.refused.reviewItem", "itemCode: not a review item", "itemCode"));
		Refused.unless(
				score != null && score.signum() >= 0 && score.compareTo(item.weight()) <= 0 && score.scale() <= 2,
				"score", "assessment.refused.score");
		String n = note == null ? "" : note.strip();
		Refused.unless(!n.isEmpty() && n.length() <= 2000, "note", "assessment.refused.empty");
		jdbc.sql("""
				insert into asm_review (year, township_code, item_code, score, note, reviewed_by, reviewed_at)
				values (?, ?, ?, ?, ?, ?, now())
				on conflict (year, township_code, item_code) do update set score = excluded.score, note = excluded.note,
				  reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at""")
			.params(year, township, itemCode, score, n, scope.user())
			.update();
		audit.record("review_office", "region", township, township,
				year + " " + itemCode + " " + score.toPlainString());
	}

	@Override
	public void designate(int year, String townshipCode, String note) {
		Scope scope = assessor();
		Refused.unless(year >= 2000 && year <= 2100, "year", "assessment.refused.year");
		String township = township(scope, townshipCode);
		String n = note == null ? "" : note.strip();
		Refused.unless(!n.isEmpty() && n.length() <= 2000, "note", "assessment.refused.empty");
		jdbc.sql("""
				insert into asm_designation (year, township_code, note, designated_by, designated_at)
				values (?, ?, ?, ?, now())
				on conflict (year, township_code) do update set note = excluded.note,
				  designated_by = excluded.designated_by, designated_at = excluded.designated_at""")
			.params(year, township, n, scope.user())
			.update();
		audit.record("designate_office", "region", township, township, Integer.toString(year));
	}

}
