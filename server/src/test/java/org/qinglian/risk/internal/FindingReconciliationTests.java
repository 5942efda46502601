package org.qinglian.risk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qinglian.risk.FindingStatus;
import org.qinglian.risk.internal.FindingReconciliation.Change;
import org.qinglian.risk.internal.FindingReconciliation.Found;
import org.qinglian.risk.internal.FindingReconciliation.Outcome;
import org.qinglian.risk.internal.FindingReconciliation.Stored;

/** What a rule's output does to the findings stored of it. */
class FindingReconciliationTests {

	static Found found(String id, String fingerprint) {
		return new Found(id, "P1", "330683101201", "2020-01", BigDecimal.TEN, "vouchers.csv:V1", "why", fingerprint);
	}

	@Test
	void aNewFindingIsCreatedAndAnUnchangedOneLeftAlone() {
		Outcome o = FindingReconciliation.reconcile(List.of(found("F1", "a"), found("F2", "b")),
				Map.of("F2", new Stored("b", FindingStatus.OPEN)));
		assertThat(o.created()).extracting(Found::id).containsExactly("F1");
		assertThat(o.changed()).isEmpty();
		assertThat(o.withdrawn()).isEmpty();
	}

	@Test
	void aChangedFindingIsChangedWhateverItsTriageAndAWithdrawnOneFoundAgainIsSaidSo() {
		Outcome o = FindingReconciliation.reconcile(List.of(found("F1", "new"), found("F2", "same")), Map.of("F1",
				new Stored("old", FindingStatus.DISMISSED), "F2", new Stored("same", FindingStatus.WITHDRAWN)));
		assertThat(o.created()).isEmpty();
		assertThat(o.changed()).extracting(c -> c.found().id(), Change::foundAgain)
			.containsExactlyInAnyOrder(tuple("F1", false), tuple("F2", true));
		assertThat(o.withdrawn()).isEmpty();
	}

	@Test
	void aFindingNoLongerProducedIsWithdrawnOnce() {
		Outcome o = FindingReconciliation.reconcile(List.of(), Map.of("F1", new Stored("a", FindingStatus.CLUE), "F2",
				new Stored("b", FindingStatus.WITHDRAWN), "F0", new Stored("c", FindingStatus.OPEN)));
		assertThat(o.withdrawn()).containsExactly("F0", "F1");
		assertThat(o.created()).isEmpty();
		assertThat(o.changed()).isEmpty();
	}

}
