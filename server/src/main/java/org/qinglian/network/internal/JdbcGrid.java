package org.qinglian.network.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinglian.network.Grid;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcGrid implements Grid {

	/** How many of a village's latest uses of power a member's page offers to verify. */
	static final int USES = 20;

	private final JdbcClient jdbc;

	private final NetworkSupport support;

	private final AuditLog audit;

	private final Clock clock;

	JdbcGrid(JdbcClient jdbc, NetworkSupport support, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.support = support;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Coverage coverage(LocalDate on) {
		Scope scope = support.require(Role.Permission.READ_SUPERVISION);
		scope.require(Role.Permission.READ_PERSONAL_DATA);
		LocalDate day = on == null ? LocalDate.now(clock) : NetworkSupport.date(on, "on");
		LocalDate from = day.minusMonths(3);
		Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
		params.put("on", day);
		params.put("from", from);
		params.put("roles", MEMBER_ROLES);
		Map<String, List<Member>> members = new LinkedHashMap<>();
		jdbc.sql("""
				select p.region_code, p.person_id, coalesce(n.name, p.person_id) as name, p.role,
				       p.role = 'info_officer' and not exists (
				           select 1 from plt_user u join int_report r on r.submitted_by = u.username
				           where u.person_id = p.person_id and r.channel = 'info_officer'
				             and r.received_on > :from and r.received_on <= :on) as inactive
				from jur_position p left join jur_person n on n.person_id = p.person_id
				where p.region_code like :scope and p.role in (:roles)
				  and p.start_date <= :on and (p.end_date is null or p.end_date >= :on)
				order by p.region_code, array_position(array['supervision_director', 'supervision_member',
				         'info_officer']::varchar[], p.role), name""").params(params).query(rs -> {
			members.computeIfAbsent(rs.getString("region_code"), k -> new ArrayList<>())
				.add(new Member(rs.getString("person_id"), rs.getString("name"), rs.getString("role"),
						rs.getBoolean("inactive")));
		});
		List<Cell> cells = jdbc
			.sql("""
					select v.region_code, v.name, t.region_code as township, t.name as township_name,
					       (select count(*) from int_report r where r.channel = 'info_officer' and r.region_code = v.region_code
					          and r.received_on > :from and r.received_on <= :on) as officer_reports,
					       (select s.name from net_station_village sv join net_station s using (station_id)
					          where sv.village_code = v.region_code) as station
					from jur_region v join jur_region t on t.region_code = v.parent_code
					where v.level = 'village' and v.region_code like :scope order by v.region_code""")
			.params(params)
			.query((rs, i) -> {
				List<Member> m = members.getOrDefault(rs.getString(1), List.of());
				return new Cell(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), m,
						m.stream().anyMatch(x -> !x.role().equals("info_officer")),
						m.stream().anyMatch(x -> x.role().equals("info_officer")), rs.getLong(5), rs.getString(6));
			})
			.list();
		audit.record("view_grid", "region", scope.regionCode(), scope.regionCode(), day.toString());
		return new Coverage(day, from, cells, cells.size(), cells.stream().filter(Cell::committee).count(),
				cells.stream().filter(Cell::officer).count(),
				cells.stream().flatMap(c -> c.members().stream()).filter(Member::inactive).count(),
				cells.stream().filter(c -> c.stationName() != null).count());
	}

	@Override
	@Transactional(readOnly = true)
	public MemberHome home() {
		Scope scope = support.require(Role.Permission.RAISE_MATTERS);
		String village = scope.regionCode();
		Map<String, OpenUse> uses = new LinkedHashMap<>();
		jdbc.sql("""
				select e.exercise_id, e.title, i.name as item_name, e.started_on, ev.step_code, s.name as step_name,
				       ev.occurred_on
				from (select * from pow_exercise where region_code = ? order by started_on desc, exercise_id limit ?) e
				join pow_item i on i.item_code = e.item_code
				left join pow_exercise_event ev on ev.exercise_id = e.exercise_id
				left join pow_step s on s.item_code = e.item_code and s.step_code = ev.step_code
				order by e.started_on desc, e.exercise_id, ev.occurred_on, s.seq""").params(village, USES).query(rs -> {
			String title = rs.getString("title");
			String item = rs.getString("item_name");
			LocalDate started = NetworkSupport.date(rs, "started_on");
			OpenUse use = uses.computeIfAbsent(rs.getString("exercise_id"),
					k -> new OpenUse(k, title, item, started, new ArrayList<>()));
			if (rs.getString("step_code") != null) {
				use.steps()
					.add(new Step(rs.getString("step_code"),
							Optional.ofNullable(rs.getString("step_name")).orElse(rs.getString("step_code")),
							NetworkSupport.date(rs, "occurred_on")));
			}
		});
		List<Recorded> recorded = jdbc.sql("""
				select v.verification_id, v.exercise_id, e.title, coalesce(s.name, v.step_code), v.verified_on,
				       v.outcome, v.note
				from net_verification v join pow_exercise e on e.exercise_id = v.exercise_id
				left join pow_step s on s.item_code = e.item_code and s.step_code = v.step_code
				where v.recorded_by = ? order by v.recorded_at desc limit 50""")
			.param(scope.user())
			.query((rs, i) -> new Recorded(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					NetworkSupport.date(rs, "verified_on"), rs.getString(6), rs.getString(7)))
			.list();
		List<Task> tasks = jdbc.sql("""
				select t.task_id, t.project_id, coalesce(n.name, p.name) as project_name, t.kind, t.title, t.due_on,
				       t.done_on
				from net_task t left join net_project n on n.project_id = t.project_id
				left join ast_project p on p.project_id = t.project_id
				where t.owner_code = ? order by t.done_on is not null, t.due_on limit 50""")
			.param(village)
			.query((rs, i) -> new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), NetworkSupport.date(rs, "due_on"), NetworkSupport.date(rs, "done_on")))
			.list();
		return new MemberHome(village, support.name(village), List.copyOf(uses.values()), recorded, tasks);
	}

	@Override
	public String verify(Verification v) {
		Scope scope = support.require(Role.Permission.RAISE_MATTERS);
		String key = NetworkSupport.text(v.clientKey(), "clientKey", 64);
		Optional<String> stored = jdbc
			.sql("select verification_id from net_verification where recorded_by = ? and client_key = ?")
			.params(scope.user(), key)
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		String exercise = NetworkSupport.text(v.exerciseId(), "exerciseId", 64);
		String step = NetworkSupport.text(v.stepCode(), "stepCode", 64);
		Optional<LocalDate> occurred = jdbc.sql("""
				select ev.occurred_on from pow_exercise_event ev join pow_exercise e on e.exercise_id = ev.exercise_id
				where ev.exercise_id = ? and ev.step_code = ? and e.region_code = ?""")
			.params(exercise, step, scope.regionCode())
			.query(LocalDate.class)
			.optional();
		if (occurred.isEmpty()) {
			// another village's use of power, or a step not recorded: as if it did not
			// exist
			throw new Scope.NotInScopeException();
		}
		LocalDate on = NetworkSupport.date(v.verifiedOn(), "verifiedOn");
		Refused.unless(!on.isBefore(occurred.get()) && !on.isAfter(LocalDate.now(clock)), "verifiedOn",
				"network.refused.verifiedOn");
		String outcome = NetworkSupport.oneOf(v.outcome(), "outcome", List.of("confirmed", "discrepancy"));
		String note = NetworkSupport.text(v.note(), "note", 2000);
		String id = support.nextId("HS", "net_verification_number", on);
		int inserted = jdbc.sql("""
				insert into net_verification (verification_id, exercise_id, step_code, region_code, verified_on,
				                              outcome, note, recorded_by, recorded_at, client_key)
				values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?) on conflict (recorded_by, client_key) do nothing""")
			.params(id, exercise, step, scope.regionCode(), on, outcome, note, scope.user(), key)
			.update();
		if (inserted == 0) {
			// retried while the first was being stored
			return jdbc.sql("select verification_id from net_verification where recorded_by = ? and client_key = ?")
				.params(scope.user(), key)
				.query(String.class)
				.single();
		}
		audit.record("verify_step", "exercise", exercise, scope.regionCode(), step + " " + outcome);
		return id;
	}

}
