package org.qinglian.casework;

import java.sql.Timestamp;

import org.qinglian.risk.FindingTurnedIntoClue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Opens a clue (问题线索) when a risk finding is turned into one; its dispositions come with
 * casework.
 */
@Component
class ClueOpener {

	private final JdbcClient jdbc;

	ClueOpener(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(FindingTurnedIntoClue event) {
		jdbc.sql(
				"""
						insert into cas_clue (clue_id, source, source_id, region_code, subject_id, summary, opened_by, opened_at)
						values (?, 'finding', ?, ?, ?, ?, ?, ?) on conflict (clue_id) do nothing""")
			.params(event.clueId(), event.findingId(), event.regionCode(), event.subjectId(), event.summary(),
					event.openedBy(), Timestamp.from(event.at()))
			.update();
	}

}
