package org.qinglian.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qinglian.ModuleTest;
import org.qinglian.risk.FindingTurnedIntoClue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.Scenario;

/**
 * Casework on its own (with the modules it stands on): a finding turned into a clue opens
 * the clue, once, however often the event is delivered.
 */
@ModuleTest
class ClueOpenerTests {

	@Autowired
	JdbcClient jdbc;

	List<String> clue(String clueId) {
		return jdbc.sql("select source || ':' || source_id || ':' || summary from cas_clue where clue_id = ?")
			.param(clueId)
			.query(String.class)
			.list();
	}

	@Test
	void aFindingTurnedIntoAClueOpensTheClueOnce(Scenario scenario) {
		FindingTurnedIntoClue event = new FindingTurnedIntoClue("CLTEST1", "FTEST1", "330683101201", "P1",
				"向已死亡人员发放补贴（请初步核实）", "changle", Instant.parse("2026-11-30T08:00:00Z"));
		scenario.publish(event)
			.andWaitForStateChange(() -> clue("CLTEST1"), found -> !found.isEmpty())
			.andVerify(found -> assertThat(found).containsExactly("finding:FTEST1:向已死亡人员发放补贴（请初步核实）"));
		// delivered again (a restart replays incomplete publications): still one clue
		scenario.publish(event)
			.andWaitForStateChange(
					() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
						.query(Long.class)
						.single(),
					open -> open == 0)
			.andVerify(open -> assertThat(clue("CLTEST1")).hasSize(1));
	}

}
