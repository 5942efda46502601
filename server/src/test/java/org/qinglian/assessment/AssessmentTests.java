package org.qinglian.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.assessment.Assessments.ItemScore;
import org.qinglian.assessment.Assessments.Office;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The creation standards and the assessment: the default standards (5 aspects, 19 items,
 * 100 points); every data item of every township of the sample county against a count
 * made here, row by row, from the records; an edited standard rescoring; reviews and the
 * designation; who may do what.
 */
@TestPropertySource(properties = { "qinglian.test.database=assessment" })
class AssessmentTests extends PageTest {

	static final int YEAR = 2020;

	static final LocalDate FROM = LocalDate.of(YEAR, 1, 1);

	static final LocalDate TO = LocalDate.of(YEAR, 12, 31);

	@Autowired
	Standards standards;

	@Autowired
	Assessments assessments;

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("a_county", Role.COUNTY_STAFF, SampleCounty.COUNTY)
			.withUser("a_admin", Role.COUNTY_ADMIN, SampleCounty.COUNTY)
			.withUser("a_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN);
	}

	@Test
	void theDefaultStandardsHaveFiveAspectsAndNineteenItems() {
		List<Standards.Aspect> aspects = standards.aspects();
		assertThat(aspects).hasSize(5);
		assertThat(aspects.stream().mapToInt(a -> a.items().size()).sum()).isEqualTo(19);
		assertThat(aspects.stream().map(Standards.Aspect::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("100");
	}

	private static boolean in(Object day) {
		LocalDate d = day instanceof Timestamp t ? t.toLocalDateTime().toLocalDate() : ((Date) day).toLocalDate();
		return !d.isBefore(FROM) && !d.isAfter(TO);
	}

	private static LocalDate date(Object day) {
		return day == null ? null : ((Date) day).toLocalDate();
	}

	private static String township(Object code) {
		return ((String) code).substring(0, 9) + "000";
	}

	/** value and base by township, counted here row by row. */
	private Map<String, long[]> count(String sql, Function<Map<String, Object>, String> township,
			Function<Map<String, Object>, Boolean> counts, Function<Map<String, Object>, Boolean> value) {
		Map<String, long[]> byTownship = new HashMap<>();
		for (Map<String, Object> row : jdbc.sql(sql).query().listOfRows()) {
			if (!counts.apply(row)) {
				continue;
			}
			long[] f = byTownship.computeIfAbsent(township.apply(row), k -> new long[2]);
			f[1]++;
			if (value.apply(row)) {
				f[0]++;
			}
		}
		return byTownship;
	}

	private Map<Metric, Map<String, long[]>> handCounts() {
		Map<Metric, Map<String, long[]>> hand = new HashMap<>();
		// grid: a village with a director or member and an officer in office at the end
		// of the year
		List<Map<String, Object>> positions = jdbc.sql("select * from jur_position").query().listOfRows();
		hand.put(Metric.GRID_COVERAGE, count("select region_code from jur_region where level = 'village'",
				r -> township(r.get("region_code")), r -> true, r -> {
					boolean committee = false;
					boolean officer = false;
					for (Map<String, Object> p : positions) {
						if (!p.get("region_code").equals(r.get("region_code")) || date(p.get("start_date")).isAfter(TO)
								|| (p.get("end_date") != null && date(p.get("end_date")).isBefore(TO))) {
							continue;
						}
						committee |= List.of("supervision_director", "supervision_member").contains(p.get("role"));
						officer |= "info_officer".equals(p.get("role"));
					}
					return committee && officer;
				}));
		hand.put(Metric.EXERCISE_CONFORMANCE, count("""
				select e.region_code, e.started_on, c.conforms from pow_exercise e
				left join pow_conformance c on c.exercise_id = e.exercise_id""", r -> township(r.get("region_code")),
				r -> in(r.get("started_on")) && r.get("conforms") != null, r -> (Boolean) r.get("conforms")));
		hand.put(Metric.DISCLOSURE_ON_TIME, count("select region_code, booked_on, disclosed_on from ast_voucher",
				r -> township(r.get("region_code")), r -> in(r.get("booked_on")), r -> {
					LocalDate booked = date(r.get("booked_on"));
					LocalDate due = booked.withDayOfMonth(1).plusMonths(1).plusDays(9);
					return r.get("disclosed_on") != null && !date(r.get("disclosed_on")).isAfter(due);
				}));
		hand.put(Metric.FINDINGS_HANDLED,
				count("select region_code, first_found, status from risk_finding", r -> township(r.get("region_code")),
						r -> in(r.get("first_found")) && !"withdrawn".equals(r.get("status")),
						r -> List.of("dismissed", "clue").contains(r.get("status"))));
		hand.put(Metric.REPORTS_ON_TIME,
				count("select unit_code, received_on, extended_to, closed_on, duplicate_of from int_report",
						r -> (String) r.get("unit_code"), r -> {
							if (!in(r.get("received_on")) || r.get("duplicate_of") != null) {
								return false;
							}
							return r.get("closed_on") != null || deadline(r).isBefore(LocalDate.now());
						}, r -> r.get("closed_on") != null && !date(r.get("closed_on")).isAfter(deadline(r))));
		hand.put(Metric.SATISFACTION,
				count("select unit_code, received_on, satisfied, duplicate_of from int_report",
						r -> (String) r.get("unit_code"),
						r -> in(r.get("received_on")) && r.get("duplicate_of") == null && r.get("satisfied") != null,
						r -> (Boolean) r.get("satisfied")));
		hand.put(Metric.SELF_HANDLED_CASES, count("select unit_code, filed_on, self_handled from cas_case",
				r -> (String) r.get("unit_code"), r -> in(r.get("filed_on")), r -> (Boolean) r.get("self_handled")));
		hand.put(Metric.FOLLOWUPS_ON_TIME, count("""
				select k.unit_code, f.due_on, f.done_on from cas_followup f join cas_case k on k.case_id = f.case_id""",
				r -> (String) r.get("unit_code"), r -> in(r.get("due_on")),
				r -> r.get("done_on") != null && !date(r.get("done_on")).isAfter(date(r.get("due_on")))));
		hand.put(Metric.CLUES_DISPOSED, count("select region_code, opened_at, disposition from cas_clue",
				r -> township(r.get("region_code")), r -> in(r.get("opened_at")), r -> r.get("disposition") != null));
		hand.put(Metric.EDUCATION_EVENTS, count("select region_code, held_on from cas_education_event",
				r -> (String) r.get("region_code"), r -> in(r.get("held_on")), r -> true));
		hand.put(Metric.CULTURE_ACTIVITIES, count("select township_code, held_on from net_culture_activity",
				r -> (String) r.get("township_code"), r -> in(r.get("held_on")), r -> true));
		hand.put(Metric.SUPERVISION_TASKS_ON_TIME,
				count("select owner_code, due_on, done_on from net_task", r -> township(r.get("owner_code")),
						r -> in(r.get("due_on")),
						r -> r.get("done_on") != null && !date(r.get("done_on")).isAfter(date(r.get("due_on")))));
		hand.put(Metric.STATION_ORDERS_CLOSED,
				count("""
						select s.township_code, o.taken_at, o.closed_at from net_order o join net_station s using (station_id)""",
						r -> (String) r.get("township_code"), r -> in(r.get("taken_at")),
						r -> r.get("closed_at") != null));
		// this year's reports (value) against last year's (base), duplicates apart
		Map<String, long[]> decline = new HashMap<>();
		for (Map<String, Object> r : jdbc
			.sql("select region_code, received_on from int_report where duplicate_of is null")
			.query()
			.listOfRows()) {
			int year = date(r.get("received_on")).getYear();
			long[] f = decline.computeIfAbsent(township(r.get("region_code")), k -> new long[2]);
			if (year == YEAR) {
				f[0]++;
			}
			else if (year == YEAR - 1) {
				f[1]++;
			}
		}
		hand.put(Metric.REPORTS_DECLINE, decline);
		Map<String, long[]> verifications = new HashMap<>();
		for (Map<String, Object> r : jdbc.sql("select region_code from jur_region where level = 'village'")
			.query()
			.listOfRows()) {
			verifications.computeIfAbsent(township(r.get("region_code")), k -> new long[2])[1]++;
		}
		for (Map<String, Object> r : jdbc.sql("select region_code, verified_on from net_verification")
			.query()
			.listOfRows()) {
			if (in(r.get("verified_on"))) {
				verifications.computeIfAbsent(township(r.get("region_code")), k -> new long[2])[0]++;
			}
		}
		hand.put(Metric.ONSITE_VERIFICATIONS, verifications);
		return hand;
	}

	private static LocalDate deadline(Map<String, Object> r) {
		return r.get("extended_to") != null ? date(r.get("extended_to")) : date(r.get("received_on")).plusDays(60);
	}

	@Test
	void everyDataItemOfEveryTownshipMatchesACountByHand() {
		Assessments.Assessment assessment = county.as("a_county", () -> assessments.assess(YEAR));
		assertThat(assessment.offices()).hasSize(2);
		assertThat(assessment.ranked()).isEqualTo(2);
		Map<Metric, Map<String, long[]>> hand = handCounts();
		int checked = 0;
		long nonZero = 0;
		for (Office office : assessment.offices()) {
			for (ItemScore s : office.items()) {
				if (!s.item().data()) {
					continue;
				}
				long[] f = hand.get(s.item().metric()).getOrDefault(office.townshipCode(), new long[2]);
				assertThat(s.value()).as(office.name() + " " + s.item().code() + " value")
					.isEqualByComparingTo(BigDecimal.valueOf(f[0]));
				if (s.item().metric().kind() != Metric.Kind.COUNT) {
					assertThat(s.base()).as(office.name() + " " + s.item().code() + " base")
						.isEqualByComparingTo(BigDecimal.valueOf(f[1]));
				}
				nonZero += f[0] + f[1];
				checked++;
			}
			assertThat(office.total()).isEqualByComparingTo(
					office.items().stream().map(ItemScore::score).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		assertThat(checked).isEqualTo(2 * 15);
		// the sample's records are counted, not a county of zeros
		assertThat(nonZero).isGreaterThan(100);
	}

	@Test
	void anEditedStandardRescores() {
		Office before = office(SampleCounty.GANLIN);
		ItemScore grid = item(before, "grid_coverage");
		try {
			county.as("a_admin", () -> {
				standards.change("grid_coverage",
						new Standards.ItemChange("网格覆盖", "Grid", new BigDecimal("15"), grid.item().target(), false));
				return null;
			});
			Office after = office(SampleCounty.GANLIN);
			BigDecimal expected = Metric.score(new BigDecimal("15"), grid.item().target(), grid.achievement());
			assertThat(item(after, "grid_coverage").score()).isEqualByComparingTo(expected);
			assertThat(after.total()).isEqualByComparingTo(before.total().subtract(grid.score()).add(expected));
			// a retired item no longer counts
			county.as("a_admin", () -> {
				standards.change("grid_coverage",
						new Standards.ItemChange("网格覆盖", "Grid", new BigDecimal("15"), grid.item().target(), true));
				return null;
			});
			assertThat(office(SampleCounty.GANLIN).total()).isEqualByComparingTo(before.total().subtract(grid.score()));
			// a township's staff cannot edit the standards
			assertThatThrownBy(() -> county.as("a_township", () -> {
				standards.change("grid_coverage",
						new Standards.ItemChange("x", "x", BigDecimal.ONE, BigDecimal.ONE, false));
				return null;
			})).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
			assertThatThrownBy(() -> county.as("a_admin", () -> {
				standards.change("grid_coverage",
						new Standards.ItemChange("x", "x", new BigDecimal("0"), BigDecimal.ONE, false));
				return null;
			})).isInstanceOf(Refused.class).hasMessageContaining("weight");
		}
		finally {
			county.as("a_admin", () -> {
				standards.change("grid_coverage", new Standards.ItemChange(grid.item().nameZh(), grid.item().nameEn(),
						grid.item().weight(), grid.item().target(), false));
				return null;
			});
		}
		assertThat(office(SampleCounty.GANLIN).total()).isEqualByComparingTo(before.total());
	}

	@Test
	void reviewersScoreAndTheCountyDesignates() {
		Office before = office(SampleCounty.GANLIN);
		assertThat(item(before, "six_haves").score()).isZero();
		county.as("a_county", () -> {
			assessments.review(YEAR, SampleCounty.GANLIN, "six_haves", new BigDecimal("8.50"), "台账不全，扣 1.5 分");
			assessments.designate(YEAR, SampleCounty.GANLIN, "首批“枫桥式”监察办");
			return null;
		});
		Office after = office(SampleCounty.GANLIN);
		assertThat(item(after, "six_haves").score()).isEqualByComparingTo("8.50");
		assertThat(item(after, "six_haves").note()).isEqualTo("台账不全，扣 1.5 分");
		assertThat(after.total()).isEqualByComparingTo(before.total().add(new BigDecimal("8.50")));
		assertThat(after.designated()).isTrue();
		// more than the item's points, a data item, a township's staff: refused
		assertThatThrownBy(() -> county.as("a_county", () -> {
			assessments.review(YEAR, SampleCounty.GANLIN, "six_haves", new BigDecimal("10.01"), "x");
			return null;
		})).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> county.as("a_county", () -> {
			assessments.review(YEAR, SampleCounty.GANLIN, "grid_coverage", BigDecimal.ONE, "x");
			return null;
		})).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> county.as("a_township", () -> {
			assessments.designate(YEAR, SampleCounty.GANLIN, "x");
			return null;
		})).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		// a township's staff see their own office, ranked among all
		Assessments.Assessment own = county.as("a_township", () -> assessments.assess(YEAR));
		assertThat(own.offices()).extracting(Office::townshipCode).containsExactly(SampleCounty.GANLIN);
		assertThat(own.ranked()).isEqualTo(2);
	}

	private Office office(String code) {
		return county.as("a_county", () -> assessments.assess(YEAR))
			.offices()
			.stream()
			.filter(o -> o.townshipCode().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static ItemScore item(Office office, String code) {
		Map<String, ItemScore> items = office.items()
			.stream()
			.collect(Collectors.toMap(s -> s.item().code(), Function.identity()));
		return items.get(code);
	}

}
