package org.qinglian.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qinglian.network.SupervisionList;
import org.qinglian.network.SupervisionListChanged;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The political supervision list. Imported projects flagged {@code supervised} are read
 * from {@code ast_project} (read-only) and kept on the list by their own id; the office
 * of such a project is the township of its village.
 */
@Service
@Transactional
class JdbcSupervisionList implements SupervisionList {

	static final List<String> PROJECT_KINDS = List.of("road", "water", "building", "irrigation", "landscape", "other");

	static final List<String> TASK_KINDS = List.of("on_site_check", "inspection", "interview", "other");

	static final List<String> PROBLEM_KINDS = List.of("conflict", "technical", "other");

	/** The list: projects listed here, and imported ones flagged supervised. */
	static final String LISTING = """
			with listing as (
			  select project_id, office_code, name, kind, description, villages, listed_on, false as imported,
			         null::integer as imported_pct
			  from net_project
			  union all
			  select p.project_id, substr(p.region_code, 1, 9) || '000', p.name, p.kind, null,
			         coalesce(nullif(p.villages, ''), p.region_code), p.started_on, true, p.progress_pct
			  from ast_project p
			  where p.supervised is true and not exists (select 1 from net_project n where n.project_id = p.project_id)
			)
			select l.*, o.name as office_name,
			       (select string_agg(coalesce(v.name, c), '、' order by c)
			          from unnest(string_to_array(l.villages, ';')) c left join jur_region v on v.region_code = c)
			         as village_names,
			       coalesce((select pct from net_progress g where g.project_id = l.project_id
			                 order by reported_on desc, reported_at desc limit 1), l.imported_pct) as progress,
			       (select count(*) from net_task t where t.project_id = l.project_id and t.done_on is null) as tasks_open,
			       (select count(*) from net_problem q where q.project_id = l.project_id) as problems_found,
			       (select count(*) from net_problem q where q.project_id = l.project_id and q.solved_on is not null)
			         as problems_solved
			from listing l left join jur_region o on o.region_code = l.office_code
			""";

	/** What the public sees: imported projects only once the portal published them. */
	static final String PUBLISHED = """
			and (not l.imported or exists (select 1 from dis_version d where d.kind = 'project'
			     and d.record_id = l.project_id))""";

	/** The projects of an office under the pattern, or touching a village under it. */
	static final String UNDER = """
			(l.office_code like :under or exists (select 1 from unnest(string_to_array(l.villages, ';')) c
			 where c like :under))""";

	private final JdbcClient jdbc;

	private final NetworkSupport support;

	private final Scopes scopes;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	JdbcSupervisionList(JdbcClient jdbc, NetworkSupport support, Scopes scopes, AuditLog audit, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.support = support;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Listed> projects() {
		Scope scope = support.require(Role.Permission.READ_SUPERVISION);
		return jdbc
			.sql(LISTING + " where" + UNDER + " order by l.office_code, l.listed_on desc nulls last, l.project_id")
			.param("under", scope.pattern())
			.query((rs, i) -> listed(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Project> project(String projectId) {
		Scope scope = support.require(Role.Permission.READ_SUPERVISION);
		return find(projectId, scope.pattern()).map(l -> detail(l, true));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Project> published(String projectId) {
		return jdbc.sql(LISTING + " where l.project_id = :id " + PUBLISHED)
			.param("id", projectId)
			.query((rs, i) -> listed(rs))
			.optional()
			.map(l -> detail(l, false));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Listed> publishedUnder(String regionCode) {
		if (regionCode == null || !regionCode.matches("\\d{12}")) {
			return List.of();
		}
		return jdbc
			.sql(LISTING + " where" + UNDER + " " + PUBLISHED + " order by l.listed_on desc nulls last, l.project_id")
			.param("under", Scope.patternOf(regionCode))
			.query((rs, i) -> listed(rs))
			.list();
	}

	private Optional<Listed> find(String projectId, String pattern) {
		return jdbc.sql(LISTING + " where l.project_id = :id and" + UNDER)
			.param("id", projectId)
			.param("under", pattern)
			.query((rs, i) -> listed(rs))
			.optional();
	}

	private Listed listed(ResultSet rs) throws SQLException {
		String names = rs.getString("village_names");
		return new Listed(rs.getString("project_id"), rs.getString("office_code"), rs.getString("office_name"),
				rs.getString("name"), rs.getString("kind"), names == null ? List.of() : Arrays.asList(names.split("、")),
				(Integer) rs.getObject("progress"), rs.getBoolean("imported"), rs.getLong("tasks_open"),
				rs.getLong("problems_found"), rs.getLong("problems_solved"));
	}

	/** A project's parts; the public sees no notes, problems' text or solutions. */
	private Project detail(Listed l, boolean staff) {
		String id = l.projectId();
		Map<String, Object> row = jdbc.sql(LISTING + " where l.project_id = ?").param(id).query().singleRow();
		List<Milestone> milestones = jdbc.sql(
				"select milestone_id, name, due_on, done_on from net_milestone where project_id = ? order by due_on, milestone_id")
			.param(id)
			.query((rs, i) -> new Milestone(rs.getString(1), rs.getString(2), NetworkSupport.date(rs, "due_on"),
					NetworkSupport.date(rs, "done_on")))
			.list();
		List<Task> tasks = jdbc.sql("""
				select t.task_id, t.kind, t.title, t.owner_code, r.name, t.due_on, t.done_on, t.done_note
				from net_task t left join jur_region r on r.region_code = t.owner_code
				where t.project_id = ? order by t.due_on, t.task_id""")
			.param(id)
			.query((rs, i) -> new Task(rs.getString(1), rs.getString(2), staff ? rs.getString(3) : null,
					rs.getString(4), rs.getString(5), NetworkSupport.date(rs, "due_on"),
					NetworkSupport.date(rs, "done_on"), staff ? rs.getString(8) : null))
			.list();
		List<Problem> problems = jdbc.sql("""
				select problem_id, kind, text, found_on, solved_on, solution from net_problem where project_id = ?
				order by found_on, problem_id""")
			.param(id)
			.query((rs, i) -> new Problem(rs.getString(1), rs.getString(2), staff ? rs.getString(3) : null,
					NetworkSupport.date(rs, "found_on"), NetworkSupport.date(rs, "solved_on"),
					staff ? rs.getString(6) : null))
			.list();
		List<Progress> progress = jdbc.sql(
				"select reported_on, pct, note from net_progress where project_id = ? order by reported_on, reported_at")
			.param(id)
			.query((rs, i) -> new Progress(NetworkSupport.date(rs, "reported_on"), rs.getInt(2),
					staff ? rs.getString(3) : null))
			.list();
		Object listedOn = row.get("listed_on");
		return new Project(l, (String) row.get("description"), Arrays.asList(((String) row.get("villages")).split(";")),
				listedOn == null ? null : ((java.sql.Date) listedOn).toLocalDate(), milestones, tasks, problems,
				progress, problems.stream().filter(p -> p.kind().equals("conflict") && p.solvedOn() != null).count(),
				problems.stream().filter(p -> p.kind().equals("technical") && p.solvedOn() != null).count());
	}

	@Override
	public String list(NewProject p) {
		Scope scope = support.require(Role.Permission.RUN_NETWORK);
		String office = NetworkSupport.text(p.officeCode(), "officeCode", 12);
		boolean isOffice = office.matches("\\d{12}") && office.endsWith("000") && scope.covers(office)
				&& !support.name(office).equals(office);
		Refused.unless(isOffice, "officeCode", "network.refused.office");
		String name = NetworkSupport.text(p.name(), "name", 200);
		String kind = NetworkSupport.oneOf(p.kind(), "kind", PROJECT_KINDS);
		String description = NetworkSupport.optional(p.description(), "description", 2000);
		Set<String> villages = new LinkedHashSet<>(p.villages() == null ? List.of() : p.villages());
		Refused.unless(!villages.isEmpty()
				&& villages.stream().allMatch(v -> v.matches("\\d{12}") && v.startsWith(Scope.prefixOf(office)))
				&& jdbc.sql("select count(*) from jur_region where level = 'village' and region_code in (:v)")
					.param("v", List.copyOf(villages))
					.query(Long.class)
					.single() == villages.size(),
				"villages", "network.refused.villages");
		LocalDate today = LocalDate.now(clock);
		String id = support.nextId("ZZ", "net_project_number", today);
		jdbc.sql(
				"""
						insert into net_project (project_id, office_code, name, kind, description, villages, listed_on, listed_by)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, office, name, kind, description, String.join(";", villages), today, scope.user())
			.update();
		audit.record("list_project", "project", id, office, name);
		events.publishEvent(new SupervisionListChanged(id));
		return id;
	}

	/** A project the user's office follows, for changing it. */
	private Listed owned(String projectId) {
		Scope scope = support.require(Role.Permission.RUN_NETWORK);
		Listed l = find(projectId, "%").orElseThrow(Scope.NotInScopeException::new);
		scope.requireCovers(l.officeCode());
		return l;
	}

	@Override
	public void addMilestone(String projectId, String name, LocalDate dueOn) {
		Listed l = owned(projectId);
		String n = NetworkSupport.text(name, "name", 200);
		LocalDate due = NetworkSupport.date(dueOn, "dueOn");
		jdbc.sql("insert into net_milestone (milestone_id, project_id, name, due_on) values (?, ?, ?, ?)")
			.params(support.nextId("LC", "net_item_number", due), projectId, n, due)
			.update();
		audit.record("add_milestone", "project", projectId, l.officeCode(), n);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void completeMilestone(String projectId, String milestoneId, LocalDate doneOn) {
		Listed l = owned(projectId);
		LocalDate done = notLater(doneOn, "doneOn");
		int n = jdbc
			.sql("update net_milestone set done_on = ? where project_id = ? and milestone_id = ? and done_on is null")
			.params(done, projectId, milestoneId)
			.update();
		Refused.unless(n == 1, "milestoneId", "network.refused.notOpen");
		audit.record("complete_milestone", "project", projectId, l.officeCode(), milestoneId);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void addTask(String projectId, String kind, String title, String ownerCode, LocalDate dueOn) {
		Listed l = owned(projectId);
		String k = NetworkSupport.oneOf(kind, "kind", TASK_KINDS);
		String t = NetworkSupport.text(title, "title", 200);
		String owner = NetworkSupport.text(ownerCode, "ownerCode", 12);
		Set<String> villages = new LinkedHashSet<>(detail(l, true).villageCodes());
		Refused.unless(owner.equals(l.officeCode()) || villages.contains(owner), "ownerCode", "network.refused.owner");
		LocalDate due = NetworkSupport.date(dueOn, "dueOn");
		jdbc.sql(
				"""
						insert into net_task (task_id, project_id, kind, title, owner_code, due_on) values (?, ?, ?, ?, ?, ?)""")
			.params(support.nextId("RW", "net_item_number", due), projectId, k, t, owner, due)
			.update();
		audit.record("add_task", "project", projectId, l.officeCode(), t);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void completeTask(String taskId, LocalDate doneOn, String note) {
		Scope scope = scopes.current();
		Map<String, Object> task = jdbc
			.sql("select project_id, owner_code from net_task where task_id = ? and done_on is null")
			.param(taskId == null ? "" : taskId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(Scope.NotInScopeException::new);
		String projectId = (String) task.get("project_id");
		String owner = (String) task.get("owner_code");
		boolean member = scope.can(Role.Permission.RAISE_MATTERS) && owner.equals(scope.regionCode());
		String region = member ? owner : owned(projectId).officeCode();
		LocalDate done = notLater(doneOn, "doneOn");
		String n = NetworkSupport.text(note, "note", 2000);
		jdbc.sql("update net_task set done_on = ?, done_note = ?, done_by = ? where task_id = ?")
			.params(done, n, scope.user(), taskId)
			.update();
		audit.record("complete_task", "project", projectId, region, taskId);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void addProblem(String projectId, String kind, String text, LocalDate foundOn) {
		Listed l = owned(projectId);
		String k = NetworkSupport.oneOf(kind, "kind", PROBLEM_KINDS);
		String t = NetworkSupport.text(text, "text", 500);
		LocalDate found = notLater(foundOn, "foundOn");
		jdbc.sql("insert into net_problem (problem_id, project_id, kind, text, found_on) values (?, ?, ?, ?, ?)")
			.params(support.nextId("WT", "net_item_number", found), projectId, k, t, found)
			.update();
		audit.record("add_problem", "project", projectId, l.officeCode(), k);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void solveProblem(String projectId, String problemId, LocalDate solvedOn, String solution) {
		Listed l = owned(projectId);
		LocalDate solved = notLater(solvedOn, "solvedOn");
		String s = NetworkSupport.text(solution, "solution", 2000);
		int n = jdbc.sql("""
				update net_problem set solved_on = ?, solution = ?
				where project_id = ? and problem_id = ? and solved_on is null and found_on <= ?""")
			.params(solved, s, projectId, problemId, solved)
			.update();
		Refused.unless(n == 1, "problemId", "network.refused.notOpen");
		audit.record("solve_problem", "project", projectId, l.officeCode(), problemId);
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	@Override
	public void reportProgress(String projectId, int pct, LocalDate on, String note) {
		Listed l = owned(projectId);
		Refused.unless(pct >= 0 && pct <= 100, "pct", "network.refused.pct");
		LocalDate day = notLater(on, "reportedOn");
		String n = NetworkSupport.optional(note, "note", 2000);
		jdbc.sql("insert into net_progress (project_id, reported_on, pct, note, reported_by) values (?, ?, ?, ?, ?)")
			.params(projectId, day, pct, n, scopes.current().user())
			.update();
		audit.record("report_progress", "project", projectId, l.officeCode(), Integer.toString(pct));
		events.publishEvent(new SupervisionListChanged(projectId));
	}

	private LocalDate notLater(LocalDate day, String field) {
		LocalDate d = NetworkSupport.date(day, field);
		Refused.unless(!d.isAfter(LocalDate.now(clock)), field, "network.refused.future");
		return d;
	}

}
