package org.qinglian.powerlist.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qinglian.platform.AuditLog;
import org.qinglian.powerlist.domain.Deviation;
import org.qinglian.powerlist.ExerciseStatus;
import org.qinglian.powerlist.domain.Flow;
import org.qinglian.powerlist.domain.FlowConformance;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks every use of power against its item's flow ({@link FlowConformance}, pure) and
 * replaces the stored results: one row of {@code pow_conformance} each, one row of
 * {@code pow_deviation} per deviation with its reason in Chinese. The uses of power are
 * streamed from the database in order, one at a time with the days of their steps, and
 * the results written in batches, so that a county of any size fits in memory.
 */
@Component
class ConformanceRecheck {

	/** Results written at once. */
	private static final int BATCH = 5_000;

	private final JdbcTemplate jdbc;

	private final MessageSource messages;

	private final AuditLog audit;

	private final Clock clock;

	ConformanceRecheck(JdbcTemplate jdbc, MessageSource messages, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A use of power as recorded: its item, region and status, and the day of each step
	 * done.
	 */
	record Recorded(String exerciseId, String item, String region, ExerciseStatus status,
			Map<String, LocalDate> occurred) {
	}

	/** Checks every use of power again; returns how many deviate from their flow. */
	@Transactional
	long recheckAll() {
		// one recheck at a time (after an import, on demand): each replaces all results,
		// and two at once would each insert what the other had not yet committed
		jdbc.query("select pg_advisory_xact_lock(hashtext('pow_recheck'))", rs -> null);
		Map<String, Flow> flows = flows();
		Map<String, String> stepNames = new HashMap<>();
		jdbc.query("select item_code, step_code, name from pow_step", (ResultSet rs) -> {
			stepNames.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
		});
		jdbc.update("delete from pow_deviation");
		jdbc.update("delete from pow_conformance");
		jdbc.update("delete from pow_conformance_due");
		Results results = new Results(OffsetDateTime.now(clock));
		ByExercise byExercise = new ByExercise(recorded -> {
			Flow flow = flows.getOrDefault(recorded.item(), new Flow(recorded.item(), List.of()));
			List<Deviation> found = FlowConformance.check(flow, recorded.status(), recorded.occurred());
			results.add(recorded, found, d -> reasonZh(d, recorded.item(), stepNames));
		});
		// a cursor (in the transaction), not every step of the county in memory at once
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(10_000);
		streaming.query("""
				select e.exercise_id, e.item_code, e.region_code, e.status, ev.step_code, ev.occurred_on
				from pow_exercise e left join pow_exercise_event ev on ev.exercise_id = e.exercise_id
				order by e.exercise_id""", byExercise);
		byExercise.finish();
		results.flush();
		audit.record("check_conformance", "power_exercise", null, null, "deviating exercises " + results.deviating);
		return results.deviating;
	}

	/**
	 * Checks the uses of power whose check is due (in {@code pow_conformance_due}: a
	 * trigger names every use of power inserted, changed or deleted, with its steps, by
	 * any statement) and only those; nothing when none is due. Returns how many of them
	 * deviate from their flow.
	 */
	@Transactional
	long recheckDue() {
		jdbc.query("select pg_advisory_xact_lock(hashtext('pow_recheck'))", rs -> null);
		if (!Boolean.TRUE
			.equals(jdbc.queryForObject("select exists (select 1 from pow_conformance_due)", Boolean.class))) {
			return 0;
		}
		// taken at once: a use of power named after this is checked next time
		jdbc.execute("create temporary table pow_due_now (exercise_id varchar(64) primary key) on commit drop");
		long due = jdbc.update("""
				with taken as (delete from pow_conformance_due returning exercise_id)
				insert into pow_due_now select exercise_id from taken""");
		Map<String, Flow> flows = flows();
		Map<String, String> stepNames = stepNames();
		jdbc.update("delete from pow_conformance c using pow_due_now d where d.exercise_id = c.exercise_id");
		Results results = new Results(OffsetDateTime.now(clock));
		ByExercise byExercise = new ByExercise(recorded -> results.add(recorded, check(flows, recorded),
				d -> reasonZh(d, recorded.item(), stepNames)));
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(10_000);
		streaming.query("""
				select e.exercise_id, e.item_code, e.region_code, e.status, ev.step_code, ev.occurred_on
				from pow_due_now d join pow_exercise e on e.exercise_id = d.exercise_id
				left join pow_exercise_event ev on ev.exercise_id = e.exercise_id
				order by e.exercise_id""", byExercise);
		byExercise.finish();
		results.flush();
		jdbc.execute("drop table pow_due_now");
		audit.record("check_conformance", "power_exercise", null, null,
				"exercises checked " + due + ", deviating " + results.deviating);
		return results.deviating;
	}

	/**
	 * Checks one use of power again and stores its result (after a step is recorded);
	 * returns the reasons of its deviations, in Chinese.
	 */
	@Transactional
	List<String> recheck(String exerciseId) {
		jdbc.query("select pg_advisory_xact_lock(hashtext('pow_recheck'))", rs -> null);
		Map<String, Flow> flows = flows();
		Map<String, String> stepNames = stepNames();
		jdbc.update("delete from pow_deviation where exercise_id = ?", exerciseId);
		jdbc.update("delete from pow_conformance where exercise_id = ?", exerciseId);
		jdbc.update("delete from pow_conformance_due where exercise_id = ?", exerciseId);
		Results results = new Results(OffsetDateTime.now(clock));
		List<String> reasons = new ArrayList<>();
		ByExercise byExercise = new ByExercise(recorded -> {
			List<Deviation> found = check(flows, recorded);
			results.add(recorded, found, d -> reasonZh(d, recorded.item(), stepNames));
			found.forEach(d -> reasons.add(reasonZh(d, recorded.item(), stepNames)));
		});
		jdbc.query("""
				select e.exercise_id, e.item_code, e.region_code, e.status, ev.step_code, ev.occurred_on
				from pow_exercise e left join pow_exercise_event ev on ev.exercise_id = e.exercise_id
				where e.exercise_id = ?""", byExercise, exerciseId);
		byExercise.finish();
		results.flush();
		return reasons;
	}

	/**
	 * What the check would newly say of a use of power if a step were recorded on a day
	 * (and, if {@code finish}, the use of power were done): the reasons, in Chinese, of
	 * the deviations it does not have now. Nothing is stored.
	 */
	List<String> preview(String exerciseId, String stepCode, LocalDate on, boolean finish) {
		Map<String, Flow> flows = flows();
		Map<String, String> stepNames = stepNames();
		List<Recorded> now = new ArrayList<>();
		ByExercise byExercise = new ByExercise(now::add);
		jdbc.query("""
				select e.exercise_id, e.item_code, e.region_code, e.status, ev.step_code, ev.occurred_on
				from pow_exercise e left join pow_exercise_event ev on ev.exercise_id = e.exercise_id
				where e.exercise_id = ?""", byExercise, exerciseId);
		byExercise.finish();
		if (now.isEmpty()) {
			return List.of();
		}
		Recorded before = now.get(0);
		Map<String, LocalDate> occurred = new LinkedHashMap<>(before.occurred());
		occurred.put(stepCode, on);
		Recorded after = new Recorded(before.exerciseId(), before.item(), before.region(),
				finish ? ExerciseStatus.DONE : before.status(), occurred);
		Set<String> had = new HashSet<>();
		check(flows, before).forEach(d -> had.add(reasonZh(d, before.item(), stepNames)));
		return check(flows, after).stream()
			.map(d -> reasonZh(d, after.item(), stepNames))
			.filter(r -> !had.contains(r))
			.toList();
	}

	private static List<Deviation> check(Map<String, Flow> flows, Recorded recorded) {
		Flow flow = flows.getOrDefault(recorded.item(), new Flow(recorded.item(), List.of()));
		return FlowConformance.check(flow, recorded.status(), recorded.occurred());
	}

	private Map<String, String> stepNames() {
		Map<String, String> stepNames = new HashMap<>();
		jdbc.query("select item_code, step_code, name from pow_step", (ResultSet rs) -> {
			stepNames.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
		});
		return stepNames;
	}

	private Map<String, Flow> flows() {
		Map<String, List<Flow.Step>> steps = new HashMap<>();
		jdbc.query("select * from pow_step", (ResultSet rs) -> {
			String after = rs.getString("after");
			steps.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>())
				.add(new Flow.Step(rs.getString("step_code"), rs.getInt("seq"), rs.getString("name"),
						after == null ? Set.of() : Set.copyOf(Arrays.asList(after.split(";"))),
						(Integer) rs.getObject("min_days"), (Integer) rs.getObject("max_days"),
						rs.getBoolean("disclosure"), rs.getBoolean("optional")));
		});
		Map<String, Flow> flows = new HashMap<>();
		steps.forEach((item, list) -> flows.put(item, new Flow(item, list)));
		return flows;
	}

	private String reasonZh(Deviation d, String item, Map<String, String> names) {
		String step = names.getOrDefault(item + "/" + d.step(), d.step());
		String other = d.otherStep() == null ? "" : names.getOrDefault(item + "/" + d.otherStep(), d.otherStep());
		return messages.getMessage("conformance." + d.kind().name(),
				new Object[] { step, other, d.days(), d.limitDays() }, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * Groups the rows of a query ordered by exercise (one row per step done, or one with
	 * no step) into one {@link Recorded} each.
	 */
	static final class ByExercise implements RowCallbackHandler {

		private final Consumer<Recorded> each;

		private Recorded current;

		ByExercise(Consumer<Recorded> each) {
			this.each = each;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			String id = rs.getString(1);
			if (current == null || !current.exerciseId().equals(id)) {
				finish();
				current = new Recorded(id, rs.getString(2), rs.getString(3), ExerciseStatus.of(rs.getString(4)),
						new LinkedHashMap<>());
			}
			Date on = rs.getDate(6);
			if (on != null) {
				current.occurred().put(rs.getString(5), on.toLocalDate());
			}
		}

		/** Hands over the use of power being read; call it after the last row. */
		void finish() {
			if (current != null) {
				each.accept(current);
				current = null;
			}
		}

	}

	/** The results waiting to be written, in batches. */
	private final class Results {

		private final OffsetDateTime checkedAt;

		private final List<Object[]> conformance = new ArrayList<>();

		private final List<Object[]> deviations = new ArrayList<>();

		long deviating;

		Results(OffsetDateTime checkedAt) {
			this.checkedAt = checkedAt;
		}

		void add(Recorded recorded, List<Deviation> found, Function<Deviation, String> reason) {
			conformance.add(new Object[] { recorded.exerciseId(), recorded.region(), found.isEmpty(), checkedAt });
			int ordinal = 0;
			for (Deviation d : found) {
				deviations.add(new Object[] { recorded.exerciseId(), ordinal++, d.kind().name(), d.step(),
						d.otherStep(), d.days(), d.limitDays(), reason.apply(d) });
			}
			if (!found.isEmpty()) {
				deviating++;
			}
			if (conformance.size() >= BATCH) {
				flush();
			}
		}

		void flush() {
			jdbc.batchUpdate(
					"insert into pow_conformance (exercise_id, region_code, conforms, checked_at) values (?, ?, ?, ?)",
					conformance);
			jdbc.batchUpdate("""
					insert into pow_deviation (exercise_id, ordinal, kind, step_code, other_step, days, limit_days,
					  reason_zh)
					values (?, ?, ?, ?, ?, ?, ?, ?)""", deviations);
			conformance.clear();
			deviations.clear();
		}

	}

}
