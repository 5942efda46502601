package org.qinglian.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.casework.EducationEvents;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The network: an officer's on-site verification stored once and only for their village;
 * a liaison station's order taken, assigned, answered and closed, an accusation hidden
 * from others of the village and sent to intake; the supervision list with imported and
 * listed projects, a village's task and what the public sees; a township's culture.
 */
@TestPropertySource(properties = { "qinglian.test.database=network" })
class NetworkTests extends PageTest {

	@Autowired
	Grid grid;

	@Autowired
	Stations stations;

	@Autowired
	SupervisionList list;

	@Autowired
	Culture culture;

	@Autowired
	EducationEvents education;

	/** Client keys of this run (the test database may outlive a run). */
	static final String RUN = java.util.UUID.randomUUID().toString();

	/** A village of Ganlin with a recorded step, and another village of Ganlin. */
	String village;

	String neighbour;

	String exercise;

	String step;

	LocalDate stepOn;

	@BeforeEach
	void county() {
		county.loaded();
		var row = jdbc
			.sql("""
					select e.region_code, e.exercise_id, ev.step_code, ev.occurred_on from pow_exercise e
					join pow_exercise_event ev on ev.exercise_id = e.exercise_id
					where e.region_code like '330683101%' order by e.started_on desc, e.exercise_id, ev.step_code limit 1""")
			.query()
			.singleRow();
		village = (String) row.get("region_code");
		exercise = (String) row.get("exercise_id");
		step = (String) row.get("step_code");
		stepOn = ((java.sql.Date) row.get("occurred_on")).toLocalDate();
		neighbour = jdbc.sql("""
				select min(region_code) from jur_region where level = 'village' and region_code like '330683101%'
				and region_code <> ?""").param(village).query(String.class).single();
		county.withUser("n_officer", Role.VILLAGE_MONITOR, village)
			.withUser("n_officer2", Role.VILLAGE_MONITOR, village)
			.withUser("n_neighbour", Role.VILLAGE_MONITOR, neighbour)
			.withUser("n_township", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("n_other", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE);
	}

	@Test
	void aVerificationIsStoredOnceAndOnlyForTheOfficersVillage() {
		Grid.Verification v = new Grid.Verification("key-verify-1-" + RUN, exercise, step, stepOn, "discrepancy",
				"公示栏未见公示材料");
		String first = county.as("n_officer", () -> grid.verify(v));
		String retried = county.as("n_officer", () -> grid.verify(v));
		assertThat(retried).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from net_verification where client_key = ?")
			.param("key-verify-1-" + RUN)
			.query(Long.class)
			.single()).isOne();
		assertThat(county.as("n_officer", grid::home).recorded()).extracting(Grid.Recorded::verificationId)
			.contains(first);
		// a monitor of the next village cannot verify this village's use of power
		assertThatThrownBy(() -> county.as("n_neighbour",
				() -> grid
					.verify(new Grid.Verification("key-verify-2-" + RUN, exercise, step, stepOn, "confirmed", "ok"))))
			.isInstanceOf(Scope.NotInScopeException.class);
		// nor before the step happened
		assertThatThrownBy(
				() -> county.as("n_officer",
						() -> grid.verify(new Grid.Verification("key-verify-3-" + RUN, exercise, step,
								stepOn.minusDays(1), "confirmed", "ok"))))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("verifiedOn");
	}

	@Test
	void aStationTakesAssignsAnswersAndClosesAnOrder() {
		String station = station();
		Stations.NewOrder order = new Stations.NewOrder("key-order-1-" + RUN, station, village, "request",
				"村道路灯损坏多日无人修", "王某", "13800000000");
		String id = county.as("n_officer", () -> stations.take(order));
		assertThat(county.as("n_officer", () -> stations.take(order))).isEqualTo(id);
		assertThat(jdbc.sql("select count(*) from net_order where client_key = ?")
			.param("key-order-1-" + RUN)
			.query(Long.class)
			.single()).isOne();
		// the name is sealed
		assertThat(jdbc.sql("select villager_enc from net_order where order_id = ?")
			.param(id)
			.query(String.class)
			.single()).doesNotContain("王某");
		// another member of the village sees the order but not the accusation or who
		// brought it
		Stations.Order seen = county.as("n_officer2", () -> stations.order(id)).orElseThrow();
		assertThat(seen.summary()).isEqualTo("村道路灯损坏多日无人修");
		assertThat(seen.villager()).isNull();
		// the next village's monitor and another township do not see it at all
		assertThat(county.as("n_neighbour", () -> stations.order(id))).isEmpty();
		assertThat(county.as("n_other", stations::queue)).extracting(Stations.Order::orderId).doesNotContain(id);
		assertThat(county.as("n_township", stations::queue)).extracting(Stations.Order::orderId).contains(id);
		// closing before an answer is refused
		assertThatThrownBy(() -> county.as("n_officer", () -> {
			stations.close(id);
			return null;
		})).isInstanceOf(Refused.class);
		county.as("n_officer", () -> {
			stations.assign(id, "n_officer2");
			return null;
		});
		Stations.Order assigned = county.as("n_officer2", () -> stations.order(id)).orElseThrow();
		assertThat(assigned.summary()).isEqualTo("村道路灯损坏多日无人修");
		assertThat(assigned.villager()).isEqualTo("王某\n13800000000");
		county.as("n_officer2", () -> {
			stations.answer(id, "已约谈，转镇纪委核实");
			stations.close(id);
			return null;
		});
		Stations.Order closed = county.as("n_township", () -> stations.order(id)).orElseThrow();
		assertThat(closed.status()).isEqualTo("closed");
		assertThat(closed.took().isNegative()).isFalse();
		assertThat(closed.closedAt()).isNotNull();
		assertThatThrownBy(() -> county.as("n_officer2", () -> {
			stations.answer(id, "again");
			return null;
		})).isInstanceOf(Refused.class);
	}

	@Test
	void anAccusationTakenAtAStationGoesToIntake() {
		String station = station();
		String id = county.as("n_officer", () -> stations.take(new Stations.NewOrder("key-order-2-" + RUN, station,
				village, "accusation", "反映低保评定优亲厚友", "赵某", "13900000001")));
		// another member of the village does not learn that it was brought; it is not
		// answered, assigned or closed at the station
		assertThat(county.as("n_officer2", () -> stations.order(id))).isEmpty();
		assertThat(county.as("n_officer2", stations::queue)).extracting(Stations.Order::orderId).doesNotContain(id);
		assertThat(county.as("n_officer", stations::queue)).extracting(Stations.Order::orderId).contains(id);
		assertThatThrownBy(() -> county.as("n_officer", () -> {
			stations.assign(id, "n_officer2");
			return null;
		})).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> county.as("n_officer", () -> {
			stations.answer(id, "已处理");
			return null;
		})).isInstanceOf(Refused.class).hasMessageContaining("report");
		// a member cannot send it on; the township office can
		assertThatThrownBy(() -> county.as("n_officer", () -> stations.transfer(id)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		String made = county.as("n_township", () -> stations.transfer(id));
		String reportId = made.split(" ")[0];
		assertThat(jdbc.sql("select channel || ' ' || kind || ' ' || region_code from int_report where report_id = ?")
			.param(reportId)
			.query(String.class)
			.single()).isEqualTo("visit accusation " + village);
		Stations.Order sent = county.as("n_township", () -> stations.order(id)).orElseThrow();
		assertThat(sent.status()).isEqualTo("closed");
		// the villager and the accusation now live in intake only, sealed there
		assertThat(sent.villager()).isNull();
		assertThat(sent.summary()).doesNotContain("低保");
		assertThatThrownBy(() -> county.as("n_township", () -> stations.transfer(id))).isInstanceOf(Refused.class);
	}

	private String station() {
		return jdbc.sql("select station_id from net_station_village where village_code = ?")
			.param(village)
			.query(String.class)
			.optional()
			.orElseGet(() -> county.as("n_township", () -> stations.open(new Stations.NewStation(SampleCounty.GANLIN,
					"甘霖镇联络站", "村文化礼堂", LocalDate.of(2020, 3, 1), List.of(village, neighbour)))));
	}

	@Test
	void theSupervisionListHoldsImportedAndListedProjects() {
		long imported = jdbc.sql("select count(*) from ast_project where supervised and region_code like '330683101%'")
			.query(Long.class)
			.single();
		assertThat(imported).isPositive();
		List<SupervisionList.Listed> before = county.as("n_township", list::projects);
		assertThat(before.stream().filter(SupervisionList.Listed::imported).count()).isEqualTo(imported);
		assertThat(county.as("n_other", list::projects)).extracting(SupervisionList.Listed::projectId)
			.doesNotContainAnyElementsOf(before.stream().map(SupervisionList.Listed::projectId).toList());
		String id = county.as("n_township", () -> list.list(new SupervisionList.NewProject(SampleCounty.GANLIN,
				"东湖水厂工程", "water", "七个村的饮用水达标提升", List.of(village, neighbour))));
		county.as("n_township", () -> {
			list.addMilestone(id, "管网铺设完成", LocalDate.of(2020, 9, 30));
			list.addTask(id, "on_site_check", "现场检查管网施工", village, LocalDate.of(2020, 8, 31));
			list.addProblem(id, "conflict", "村民张某与施工方青苗补偿纠纷", LocalDate.of(2020, 6, 1));
			String problem = jdbc.sql("select problem_id from net_problem where project_id = ?")
				.param(id)
				.query(String.class)
				.single();
			list.solveProblem(id, problem, LocalDate.of(2020, 6, 5), "调解达成协议");
			list.reportProgress(id, 95, LocalDate.of(2020, 12, 1), "总进度");
			return null;
		});
		// a village owns a task; its member marks it done from their page
		Grid.Task task = county.as("n_officer", grid::home)
			.tasks()
			.stream()
			.filter(t -> t.projectId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThatThrownBy(() -> county.as("n_neighbour", () -> {
			list.completeTask(task.taskId(), LocalDate.of(2020, 8, 30), "x");
			return null;
		})).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		county.as("n_officer", () -> {
			list.completeTask(task.taskId(), LocalDate.of(2020, 8, 30), "已检查，管材合格");
			return null;
		});
		SupervisionList.Project staff = county.as("n_township", () -> list.project(id)).orElseThrow();
		assertThat(staff.listed().progress()).isEqualTo(95);
		assertThat(staff.conflictsSolved()).isOne();
		assertThat(staff.tasks().get(0).doneNote()).isEqualTo("已检查，管材合格");
		// the public sees progress and counts, not the problem's text (it names a
		// villager)
		SupervisionList.Project seen = list.published(id).orElseThrow();
		assertThat(seen.problems().get(0).text()).isNull();
		assertThat(seen.tasks().get(0).doneNote()).isNull();
		assertThat(mvc.get().uri("/public/supervision-list/" + id)).hasStatusOk()
			.bodyText()
			.contains("东湖水厂工程", "95%")
			.doesNotContain("张某", "现场检查管网施工");
		// an imported supervised project shows its place on the list on the portal's
		// project page
		String importedId = before.stream()
			.filter(SupervisionList.Listed::imported)
			.findFirst()
			.orElseThrow()
			.projectId();
		String itsVillage = jdbc.sql("select region_code from ast_project where project_id = ?")
			.param(importedId)
			.query(String.class)
			.single();
		assertThat(mvc.get().uri("/public/villages/" + itsVillage + "/projects")).hasStatusOk()
			.bodyText()
			.contains("/public/supervision-list/" + importedId);
	}

	@Test
	void aTownshipsCultureIsPublic() {
		county.as("n_township", () -> {
			culture.setProgramme(SampleCounty.GANLIN, "甘霖清风", "以越剧演廉戏", "清廉文化馆");
			culture.recordActivity(SampleCounty.GANLIN, LocalDate.of(2020, 5, 4), "drama", "廉政越剧进村", "东王村", 120);
			return null;
		});
		assertThatThrownBy(() -> county.as("n_other", () -> {
			culture.setProgramme(SampleCounty.GANLIN, "x", null, null);
			return null;
		})).isInstanceOf(Refused.class);
		// a warning-education event: counted on the public page, its title and attendees
		// not shown
		String cadre = jdbc.sql("select min(person_id) from jur_person where region_code like '330683101%'")
			.query(String.class)
			.single();
		String name = jdbc.sql("select name from jur_person where person_id = ?")
			.param(cadre)
			.query(String.class)
			.single();
		county.as("n_township", () -> education.recordEvent(LocalDate.of(2020, 6, 2), "court_hearing",
				"旁听" + name + "案庭审", "市法院", SampleCounty.GANLIN, List.of(cadre)));
		assertThat(mvc.get().uri("/public/townships/" + SampleCounty.GANLIN)).hasStatusOk()
			.bodyText()
			.contains("甘霖清风", "廉政越剧进村", "清廉文化馆", "2020 年 庭审旁听 1 场")
			.doesNotContain(name);
		assertThat(mvc.get().uri("/public/townships/" + village)).hasStatus(404);
	}

}
