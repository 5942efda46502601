package org.qinglian.risk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.qinglian.risk.FindingStatus;

/**
 * What a rule's latest output means for the findings stored of it: a finding not stored
 * before is created; a stored one whose content changed, or that was withdrawn and is
 * found again, is changed (and opened again if it was withdrawn); a stored one the rule
 * no longer produces is withdrawn, unless it already is. Triage (dismissed, clue) is kept
 * through a change. Pure: the scanner reads and writes, this decides.
 */
final class FindingReconciliation {

	private FindingReconciliation() {
	}

	/**
	 * One finding as a rule produced it.
	 *
	 * @param id derived from the rule and the finding's key, the same at every scan
	 * @param fingerprint a hash of everything shown of it, to tell a change
	 */
	record Found(String id, String subjectId, String regionCode, String period, BigDecimal amount, String records,
			String explanation, String fingerprint) {
	}

	/** A finding as stored: what it showed, and where it stands. */
	record Stored(String fingerprint, FindingStatus status) {
	}

	/**
	 * A finding that changed.
	 *
	 * @param foundAgain it had been withdrawn
	 */
	record Change(Found found, boolean foundAgain) {
	}

	/** What to write: the findings created, changed and withdrawn (by id). */
	record Outcome(List<Found> created, List<Change> changed, List<String> withdrawn) {
	}

	static Outcome reconcile(Collection<Found> found, Map<String, Stored> stored) {
		Map<String, Stored> left = new HashMap<>(stored);
		List<Found> created = new ArrayList<>();
		List<Change> changed = new ArrayList<>();
		for (Found f : found) {
			Stored old = left.remove(f.id());
			if (old == null) {
				created.add(f);
			}
			else if (old.status() == FindingStatus.WITHDRAWN || !old.fingerprint().equals(f.fingerprint())) {
				changed.add(new Change(f, old.status() == FindingStatus.WITHDRAWN));
			}
		}
		List<String> withdrawn = left.entrySet()
			.stream()
			.filter(e -> e.getValue().status() != FindingStatus.WITHDRAWN)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		return new Outcome(created, changed, withdrawn);
	}

}
