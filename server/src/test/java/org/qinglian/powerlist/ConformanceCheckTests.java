package org.qinglian.powerlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Date;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.ModuleTest;
import org.qinglian.platform.BundleImported;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * The power list on its own (with the modules it stands on): an import that touches the
 * uses of power has each checked against its flow, with its reasons in Chinese; one that
 * touches no power file checks nothing.
 */
@ModuleTest
class ConformanceCheckTests {

	static final String VILLAGE = "330683101201";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PowerList powerList;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void flow() {
		for (String t : List.of("pow_deviation", "pow_conformance", "pow_exercise_event", "pow_exercise", "pow_step",
				"pow_red_line", "pow_item", "pow_conformance_due")) {
			jdbc.sql("delete from " + t).update();
		}
		jdbc.sql("insert into pow_item (item_code, category, name) values ('test_item', 'finance', '测试事项')").update();
		jdbc.sql("""
				insert into pow_step (item_code, step_code, seq, name, after) values
				  ('test_item', 'propose', 1, '提议', null), ('test_item', 'decide', 2, '决议', 'propose')""").update();
	}

	void exercise(String id, String... steps) {
		jdbc.sql("""
				insert into pow_exercise (exercise_id, item_code, region_code, title, started_on, status)
				values (?, 'test_item', ?, '测试', date '2020-03-01', 'done')""").params(id, VILLAGE).update();
		for (int i = 0; i < steps.length; i++) {
			jdbc.sql("insert into pow_exercise_event (exercise_id, step_code, occurred_on) values (?, ?, ?)")
				.params(id, steps[i], Date.valueOf("2020-03-0" + (i + 1)))
				.update();
		}
	}

	List<String> reasons(String id) {
		return jdbc.sql("select reason_zh from pow_deviation where exercise_id = ? order by ordinal")
			.param(id)
			.query(String.class)
			.list();
	}

	long checked(String id) {
		return jdbc.sql("select count(*) from pow_conformance where exercise_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	@Test
	void anImportOfUsesOfPowerHasEachCheckedAgainstItsFlow(Scenario scenario) {
		exercise("E-OK", "propose", "decide");
		exercise("E-SKIP", "decide");
		scenario.publish(new BundleImported(1, Set.of("power_exercises.csv")))
			.andWaitForStateChange(() -> checked("E-OK") + checked("E-SKIP"), n -> n == 2)
			.andVerify(n -> {
				assertThat(reasons("E-OK")).isEmpty();
				assertThat(reasons("E-SKIP")).isNotEmpty().allMatch(r -> r.contains("提议"));
			});
	}

	@Test
	void anImportThatTouchesNoPowerFileChecksNothing(Scenario scenario) {
		exercise("E-SKIP", "decide");
		scenario.publish(new BundleImported(2, Set.of("vouchers.csv")))
			.andWaitForStateChange(
					() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single(),
					open -> open == 0)
			.andVerify(open -> assertThat(checked("E-SKIP")).isZero());
	}

	@Test
	void aChangeToAUseOfPowerAlreadyDueHoldsItUntilItCommits() throws Exception {
		exercise("E-SKIP", "decide");
		assertThat(jdbc.sql("select count(*) from pow_conformance_due").query(Long.class).single()).isOne();
		String version = jdbc.sql("select ctid::text from pow_conformance_due").query(String.class).single();
		try (Connection writer = dataSource.getConnection(); Statement st = writer.createStatement()) {
			writer.setAutoCommit(false);
			st.executeUpdate(
					"update pow_exercise_event set occurred_on = date '2020-03-05' where exercise_id = 'E-SKIP'");
			// a check taking it now waits for the change
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("""
					do $$ begin
					  set local lock_timeout = '300ms';
					  delete from pow_conformance_due where exercise_id = 'E-SKIP';
					end $$""").update()).isInstanceOf(DataAccessException.class).hasMessageContaining("lock timeout");
			writer.commit();
		}
		assertThat(jdbc.sql("select ctid::text from pow_conformance_due").query(String.class).single())
			.as("locked, not written again")
			.isEqualTo(version);
		assertThat(jdbc.sql("delete from pow_conformance_due where exercise_id = 'E-SKIP'").update()).isOne();
	}

	@Test
	void twoRechecksAtOnceBothFinishWithTheSameResult() throws Exception {
		exercise("E-SKIP", "decide");
		var pool = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = pool.submit(powerList::recheckAll);
			Future<Long> second = pool.submit(powerList::recheckAll);
			assertThat(first.get()).isEqualTo(second.get()).isEqualTo(1);
		}
		finally {
			pool.shutdown();
		}
	}

	List<String> results() {
		return jdbc
			.sql("""
					select c.exercise_id || ' ' || c.conforms || ' ' || coalesce(string_agg(d.reason_zh, '|' order by d.ordinal), '')
					from pow_conformance c left join pow_deviation d on d.exercise_id = c.exercise_id
					group by c.exercise_id, c.conforms order by 1""")
			.query(String.class)
			.list();
	}

	java.time.OffsetDateTime checkedAt(String id) {
		return jdbc.sql("select checked_at from pow_conformance where exercise_id = ?")
			.param(id)
			.query(java.time.OffsetDateTime.class)
			.single();
	}

	@Test
	void onlyTheUsesOfPowerChangedSinceTheLastCheckAreCheckedAgain(Scenario scenario) throws Exception {
		exercise("E-OK", "propose", "decide");
		exercise("E-SKIP", "decide");
		exercise("E-GONE", "decide");
		powerList.recheckAll();
		var untouched = checkedAt("E-OK");
		Thread.sleep(5);
		jdbc.sql("insert into pow_exercise_event (exercise_id, step_code, occurred_on) values ('E-SKIP', 'propose', ?)")
			.param(Date.valueOf("2020-02-28"))
			.update();
		jdbc.sql("delete from pow_exercise_event where exercise_id = 'E-GONE'").update();
		jdbc.sql("delete from pow_exercise where exercise_id = 'E-GONE'").update();
		assertThat(jdbc.sql("select exercise_id from pow_conformance_due order by 1").query(String.class).list())
			.containsExactly("E-GONE", "E-SKIP");
		scenario.publish(new BundleImported(3, Set.of("exercise_events.csv")))
			.andWaitForStateChange(() -> reasons("E-SKIP"), List::isEmpty)
			.andVerify(r -> {
				assertThat(checkedAt("E-OK")).as("not checked again").isEqualTo(untouched);
				assertThat(checked("E-GONE")).as("a deleted use of power has no result").isZero();
				assertThat(jdbc.sql("select count(*) from pow_conformance_due").query(Long.class).single()).isZero();
			});
		List<String> incremental = results();
		powerList.recheckAll();
		assertThat(results()).as("as a check of everything finds").isEqualTo(incremental);
	}

	@Test
	void aCheckWithNothingDueDoesNoWork(Scenario scenario) {
		exercise("E-SKIP", "decide");
		powerList.recheckAll();
		var at = checkedAt("E-SKIP");
		long audited = jdbc.sql("select count(*) from plt_audit_log where action = 'check_conformance'")
			.query(Long.class)
			.single();
		scenario.publish(new BundleImported(4, Set.of("power_exercises.csv")))
			.andWaitForStateChange(
					() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single(),
					open -> open == 0)
			.andVerify(open -> {
				assertThat(checkedAt("E-SKIP")).isEqualTo(at);
				assertThat(jdbc.sql("select count(*) from plt_audit_log where action = 'check_conformance'")
					.query(Long.class)
					.single()).isEqualTo(audited);
			});
	}

}
