package org.qinglian.risk;

import java.time.Instant;

/**
 * A township officer turned a risk finding into a clue (问题线索); casework opens the clue
 * under the given id.
 *
 * @param clueId the clue's id, chosen by the risk library so that it can keep the link
 * @param findingId the finding
 * @param regionCode where it happened
 * @param subjectId the person or organization concerned
 * @param summary the finding's explanation and the officer's note
 * @param openedBy the officer
 * @param at when
 */
public record FindingTurnedIntoClue(String clueId, String findingId, String regionCode, String subjectId,
		String summary, String openedBy, Instant at) {
}
