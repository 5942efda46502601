package org.qinglian.powerlist.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.qinglian.platform.AuditLog;
import org.qinglian.platform.BundleImported;
import org.qinglian.platform.PersonalNumbers;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.CatalogueChanged;
import org.qinglian.powerlist.PowerList;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.qinglian.powerlist.domain.CatalogueChecks;
import org.qinglian.powerlist.ExerciseStatus;

@Service
class JdbcPowerList implements PowerList {

	private static final Set<String> POWER_FILES = Set.of("power_items.csv", "power_steps.csv", "power_exercises.csv",
			"exercise_events.csv");

	private final JdbcClient jdbc;

	private final Scopes scopes;

	private final AuditLog audit;

	private final ConformanceRecheck recheck;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	JdbcPowerList(JdbcClient jdbc, Scopes scopes, AuditLog audit, ConformanceRecheck recheck,
			ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.recheck = recheck;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PowerItemView> catalogue() {
		Map<String, List<StepView>> steps = new HashMap<>();
		jdbc.sql("select * from pow_step order by item_code, seq, step_code").query((ResultSet rs) -> {
			steps.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>()).add(step(rs));
		});
		Map<String, List<RedLineView>> lines = new HashMap<>();
		for (RedLineView r : redLines()) {
			lines.computeIfAbsent(r.itemCode(), k -> new ArrayList<>()).add(r);
		}
		return jdbc.sql("select * from pow_item order by item_code")
			.query((rs, i) -> new PowerItemView(rs.getString("item_code"), rs.getString("category"),
					rs.getString("name"), rs.getString("description"), rs.getString("legal_basis"),
					steps.getOrDefault(rs.getString("item_code"), List.of()),
					lines.getOrDefault(rs.getString("item_code"), List.of())))
			.list();
	}

	private static StepView step(ResultSet rs) throws SQLException {
		String after = rs.getString("after");
		return new StepView(rs.getString("step_code"), rs.getInt("seq"), rs.getString("name"),
				rs.getString("actor_role"), after == null ? List.of() : Arrays.asList(after.split(";")),
				(Integer) rs.getObject("min_days"), (Integer) rs.getObject("max_days"), rs.getBoolean("disclosure"),
				rs.getBoolean("optional"));
	}

	@Override
	@Transactional(readOnly = true)
	public List<RedLineView> redLines() {
		return jdbc.sql("select red_line_code, text, item_code from pow_red_line order by red_line_code")
			.query((rs, i) -> new RedLineView(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExerciseView> exercises(String regionCode, int limit) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		scope.requireCovers(regionCode);
		String prefix = Scope.patternOf(regionCode);
		List<ExerciseView> list = jdbc
			.sql(EXERCISES + " where e.region_code like ? and e.region_code like ?"
					+ " order by e.started_on desc, e.exercise_id limit ?")
			.params(prefix, scope.pattern(), limit)
			.query((RowMapper<ExerciseView>) this::exercise)
			.list();
		return withDeviations(list);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExerciseView> initiatedBy(String personId, int limit) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		return withDeviations(jdbc
			.sql(EXERCISES + " where e.initiator_id = ? and e.region_code like ?"
					+ " order by e.started_on desc, e.exercise_id limit ?")
			.params(personId, scope.pattern(), limit)
			.query((RowMapper<ExerciseView>) this::exercise)
			.list());
	}

	private static final String EXERCISES = """
			select e.*, i.name as item_name, c.conforms from pow_exercise e
			join pow_item i on i.item_code = e.item_code
			left join pow_conformance c on c.exercise_id = e.exercise_id""";

	private ExerciseView exercise(ResultSet rs, int i) throws SQLException {
		return new ExerciseView(rs.getString("exercise_id"), rs.getString("item_code"), rs.getString("item_name"),
				rs.getString("region_code"), rs.getString("title"), rs.getString("initiator_id"),
				rs.getBigDecimal("amount"), rs.getObject("started_on", LocalDate.class),
				ExerciseStatus.of(rs.getString("status")), (Boolean) rs.getObject("conforms"), List.of());
	}

	private List<ExerciseView> withDeviations(List<ExerciseView> list) {
		if (list.isEmpty()) {
			return list;
		}
		Map<String, List<DeviationView>> devs = new HashMap<>();
		jdbc.sql(
				"""
						select d.exercise_id, d.kind, s.name as step_name, o.name as other_name, d.days, d.limit_days, d.reason_zh
						from pow_deviation d join pow_exercise e on e.exercise_id = d.exercise_id
						left join pow_step s on s.item_code = e.item_code and s.step_code = d.step_code
						left join pow_step o on o.item_code = e.item_code and o.step_code = d.other_step
						where d.exercise_id = any(?) order by d.exercise_id, d.ordinal""")
			.param(list.stream().map(ExerciseView::exerciseId).toArray(String[]::new))
			.query((ResultSet rs) -> {
				devs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
					.add(new DeviationView(rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
							(Integer) rs.getObject(6), rs.getString(7)));
			});
		return list.stream()
			.map(e -> new ExerciseView(e.exerciseId(), e.itemCode(), e.itemName(), e.regionCode(), e.title(),
					e.initiatorId(), e.amount(), e.startedOn(), e.status(), e.conforms(),
					devs.getOrDefault(e.exerciseId(), List.of())))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ExerciseDetail> exercise(String exerciseId) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		List<ExerciseView> found = jdbc.sql(EXERCISES + " where e.exercise_id = ? and e.region_code like ?")
			.params(exerciseId, scope.pattern())
			.query((RowMapper<ExerciseView>) this::exercise)
			.list();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<EventView> events = jdbc.sql("""
				select ev.step_code, s.name, ev.occurred_on, ev.actor_id, ev.evidence, ev.note
				from pow_exercise_event ev join pow_exercise e on e.exercise_id = ev.exercise_id
				left join pow_step s on s.item_code = e.item_code and s.step_code = ev.step_code
				where ev.exercise_id = ? order by ev.occurred_on, s.seq""")
			.param(exerciseId)
			.query((rs, i) -> new EventView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
		return Optional.of(new ExerciseDetail(withDeviations(found).get(0), events));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, ExerciseFigures> figures() {
		Scope scope = scopes.current();
		scope.require(Role.Permission.READ_VILLAGE_DATA);
		Map<String, ExerciseFigures> out = new HashMap<>();
		jdbc.sql("""
				select e.region_code, count(*), count(*) filter (where c.conforms = false)
				from pow_exercise e left join pow_conformance c on c.exercise_id = e.exercise_id
				where e.region_code like ? group by e.region_code""").param(scope.pattern()).query((ResultSet rs) -> {
			out.put(rs.getString(1), new ExerciseFigures(rs.getLong(2), rs.getLong(3)));
		});
		return out;
	}

	@Override
	@Transactional
	public String startExercise(ExerciseEntry entry) {
		Scope scope = recorder(entry.regionCode());
		Refused.unless(entry.itemCode() != null && jdbc.sql("select count(*) from pow_item where item_code = ?")
			.param(entry.itemCode())
			.query(Long.class)
			.single() == 1, "itemCode", "powerlist.refused.choice");
		Refused.unless(entry.title() != null && !entry.title().isBlank() && entry.title().length() <= 300, "title",
				"powerlist.refused.title");
		Refused.unless(!PersonalNumbers.in(entry.title()), "title", "powerlist.refused.personalNumber");
		Refused.unless(
				entry.startedOn() != null && !entry.startedOn().isAfter(LocalDate.now(clock))
						&& entry.startedOn().isAfter(LocalDate.of(1999, 12, 31)),
				"startedOn", "powerlist.refused.date");
		Refused.unless(
				entry.amount() == null || (entry.amount().signum() >= 0 && entry.amount().scale() <= 2
						&& entry.amount().compareTo(new BigDecimal("999999999999.99")) <= 0),
				"amount", "powerlist.refused.amount");
		String id = "QL-E-" + jdbc.sql("select nextval('pow_entry_number')").query(Long.class).single();
		jdbc.sql(
				"""
						insert into pow_exercise (exercise_id, item_code, region_code, title, initiator_id, amount, started_on, status)
						values (?, ?, ?, ?, ?, ?, ?, 'open')""")
			.params(id, entry.itemCode(), entry.regionCode(), entry.title().strip(), scope.personId(), entry.amount(),
					entry.startedOn())
			.update();
		recheck.recheck(id);
		audit.record("start_exercise", "power_exercise", id, entry.regionCode(), entry.itemCode());
		return id;
	}

	@Override
	@Transactional
	public List<String> recordStep(StepEntry entry, boolean confirmed) {
		ExerciseView exercise = exercise(entry.exerciseId()).map(ExerciseDetail::exercise)
			.orElseThrow(Scope.NotInScopeException::new);
		Scope scope = recorder(exercise.regionCode());
		Refused.unless(exercise.status() == ExerciseStatus.OPEN, "exerciseId", "powerlist.refused.notOpen");
		Refused.unless(entry.stepCode() != null
				&& jdbc.sql("select count(*) from pow_step where item_code = ? and step_code = ?")
					.params(exercise.itemCode(), entry.stepCode())
					.query(Long.class)
					.single() == 1,
				"stepCode", "powerlist.refused.choice");
		Refused.unless(jdbc.sql("select count(*) from pow_exercise_event where exercise_id = ? and step_code = ?")
			.params(entry.exerciseId(), entry.stepCode())
			.query(Long.class)
			.single() == 0, "stepCode", "powerlist.refused.stepRecorded");
		Refused.unless(
				entry.occurredOn() != null && !entry.occurredOn().isAfter(LocalDate.now(clock))
						&& !entry.occurredOn().isBefore(exercise.startedOn()),
				"occurredOn", "powerlist.refused.stepDate");
		Refused.unless(entry.evidence() != null && !entry.evidence().isBlank() && entry.evidence().length() <= 1000,
				"evidence", "powerlist.refused.evidence");
		Refused.unless(entry.note() == null || entry.note().length() <= 1000, "note", "powerlist.refused.note");
		Refused.unless(!PersonalNumbers.in(entry.evidence()), "evidence", "powerlist.refused.personalNumber");
		Refused.unless(!PersonalNumbers.in(entry.note()), "note", "powerlist.refused.personalNumber");
		List<String> added = recheck.preview(entry.exerciseId(), entry.stepCode(), entry.occurredOn(), entry.finish());
		if (!added.isEmpty() && !confirmed) {
			throw new StepFlagged(added);
		}
		jdbc.sql("""
				insert into pow_exercise_event (exercise_id, step_code, occurred_on, actor_id, evidence, note)
				values (?, ?, ?, ?, ?, ?)""")
			.params(entry.exerciseId(), entry.stepCode(), entry.occurredOn(), scope.personId(),
					entry.evidence().strip(),
					entry.note() == null || entry.note().isBlank() ? null : entry.note().strip())
			.update();
		if (entry.finish()) {
			jdbc.sql("update pow_exercise set status = 'done' where exercise_id = ?")
				.param(entry.exerciseId())
				.update();
		}
		audit.record("record_step", "power_exercise", entry.exerciseId(), exercise.regionCode(),
				entry.stepCode() + (added.isEmpty() ? "" : " (confirmed: " + String.join("; ", added) + ")"));
		return recheck.recheck(entry.exerciseId());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ExerciseView> openExercises(String villageCode) {
		recorder(villageCode);
		return withDeviations(
				jdbc.sql(EXERCISES + " where e.region_code = ? and e.status = 'open' order by e.started_on desc")
					.param(villageCode)
					.query((RowMapper<ExerciseView>) this::exercise)
					.list());
	}

	/** The user, if they record the uses of power of this village. */
	private Scope recorder(String villageCode) {
		Scope scope = scopes.current();
		scope.require(Role.Permission.RECORD_EXERCISES);
		if (villageCode == null || !villageCode.equals(scope.regionCode())) {
			throw new Scope.NotInScopeException();
		}
		return scope;
	}

	@ApplicationModuleListener
	void on(BundleImported event) {
		if (event.changedFiles().contains("power_items.csv") || event.changedFiles().contains("power_steps.csv")) {
			// the flows changed: every use of power is checked against its flow again
			recheckAll();
		}
		else if (event.changedFiles().stream().anyMatch(POWER_FILES::contains)) {
			// the uses of power the import inserted or changed, not all
			recheck.recheckDue();
		}
	}

	@Override
	@Transactional
	public void saveItem(PowerItemView item) {
		scopes.current().require(Role.Permission.EDIT_CATALOGUE);
		List<CatalogueProblem> problems = new ArrayList<>(CatalogueChecks.check(item, new HashSet<>(CATEGORIES)));
		Set<String> kept = item.steps().stream().map(StepView::code).collect(Collectors.toSet());
		jdbc.sql("""
				select ev.step_code, count(*) from pow_exercise_event ev
				join pow_exercise e on e.exercise_id = ev.exercise_id
				where e.item_code = ? group by ev.step_code order by ev.step_code""")
			.param(item.code())
			.query((ResultSet rs) -> {
				if (!kept.contains(rs.getString(1))) {
					problems.add(new CatalogueProblem("steps", "catalogue.problem.stepInUse",
							List.of(rs.getString(1), rs.getLong(2))));
				}
			});
		if (!problems.isEmpty()) {
			throw new CatalogueRejectedException(problems);
		}
		int existed = jdbc.sql("select count(*) from pow_item where item_code = ?")
			.param(item.code())
			.query(Integer.class)
			.single();
		jdbc.sql("""
				insert into pow_item (item_code, category, name, description, legal_basis) values (?, ?, ?, ?, ?)
				on conflict (item_code) do update set category = excluded.category, name = excluded.name,
				  description = excluded.description, legal_basis = excluded.legal_basis""")
			.params(item.code(), item.category(), item.name(), blankToNull(item.description()),
					blankToNull(item.legalBasis()))
			.update();
		jdbc.sql("delete from pow_step where item_code = ? and step_code <> all(?)")
			.params(item.code(), kept.toArray(String[]::new))
			.update();
		for (StepView st : item.steps()) {
			jdbc.sql("""
					insert into pow_step (item_code, step_code, seq, name, actor_role, after, min_days, max_days,
					                      disclosure, optional)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (item_code, step_code) do update set seq = excluded.seq, name = excluded.name,
					  actor_role = excluded.actor_role, after = excluded.after, min_days = excluded.min_days,
					  max_days = excluded.max_days, disclosure = excluded.disclosure, optional = excluded.optional""")
				.params(item.code(), st.code(), st.seq(), st.name(), blankToNull(st.actorRole()),
						st.after().isEmpty() ? null : String.join(";", st.after()), st.minDays(), st.maxDays(),
						st.disclosure(), st.optional())
				.update();
		}
		audit.record(existed > 0 ? "update" : "create", "power_item", item.code(), null,
				item.name() + ": " + item.steps().size() + " steps");
		events.publishEvent(new CatalogueChanged());
		recheckAll();
	}

	@Override
	@Transactional
	public void saveRedLine(RedLineView line) {
		scopes.current().require(Role.Permission.EDIT_CATALOGUE);
		String item = blankToNull(line.itemCode());
		boolean itemKnown = item != null && jdbc.sql("select count(*) from pow_item where item_code = ?")
			.param(item)
			.query(Integer.class)
			.single() > 0;
		List<CatalogueProblem> problems = CatalogueChecks.checkRedLine(new RedLineView(line.code(), line.text(), item),
				itemKnown);
		if (!problems.isEmpty()) {
			throw new CatalogueRejectedException(problems);
		}
		jdbc.sql("""
				insert into pow_red_line (red_line_code, text, item_code) values (?, ?, ?)
				on conflict (red_line_code) do update set text = excluded.text, item_code = excluded.item_code""")
			.params(line.code(), line.text().strip(), item)
			.update();
		audit.record("update", "red_line", line.code(), null, line.text().strip());
		events.publishEvent(new CatalogueChanged());
	}

	@Override
	@Transactional
	public void deleteRedLine(String code) {
		scopes.current().require(Role.Permission.EDIT_CATALOGUE);
		if (jdbc.sql("delete from pow_red_line where red_line_code = ?").param(code).update() > 0) {
			audit.record("delete", "red_line", code, null, null);
			events.publishEvent(new CatalogueChanged());
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	@Override
	public long recheckAll() {
		return recheck.recheckAll();
	}

}
