package org.qinglian.powerlist.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.qinglian.powerlist.ExerciseStatus;

/**
 * Checks a power exercise against its flow. A flow is a partial order, not a script:
 * steps may occur in any order the {@code after} relation allows. Only a completed
 * ({@code done}) exercise is judged incomplete; the order and the day limits are judged
 * on whatever steps occurred.
 */
public final class FlowConformance {

	private FlowConformance() {
	}

	/**
	 * @param flow the item's flow
	 * @param status the exercise's status: a missing step is a deviation of a completed
	 * one only
	 * @param occurred the day each step occurred, by step code
	 * @return the deviations, none when the exercise conforms
	 */
	public static List<Deviation> check(Flow flow, ExerciseStatus status, Map<String, LocalDate> occurred) {
		List<Deviation> out = new ArrayList<>();
		Map<String, Flow.Step> steps = flow.byCode();
		List<Flow.Step> ordered = flow.steps().stream().sorted(Comparator.comparingInt(Flow.Step::seq)).toList();
		if (status == ExerciseStatus.DONE) {
			for (Flow.Step s : ordered) {
				if (!s.optional() && !occurred.containsKey(s.code())) {
					out.add(new Deviation(Deviation.Kind.MISSING_STEP, s.code(), null, null, null));
				}
			}
		}
		for (Flow.Step s : ordered) {
			LocalDate on = occurred.get(s.code());
			if (on == null) {
				continue;
			}
			for (String p : s.after().stream().sorted().toList()) {
				LocalDate before = occurred.get(p);
				Flow.Step pred = steps.get(p);
				if (before == null) {
					if (pred == null || !pred.optional()) {
						out.add(new Deviation(Deviation.Kind.PREDECESSOR_MISSING, s.code(), p, null, null));
					}
				}
				else if (!before.isBefore(on)) {
					out.add(new Deviation(Deviation.Kind.OUT_OF_ORDER, s.code(), p,
							(int) ChronoUnit.DAYS.between(before, on), null));
				}
			}
		}
		for (Flow.Step s : ordered) {
			LocalDate on = occurred.get(s.code());
			if (on == null || (s.minDays() == null && s.maxDays() == null)) {
				continue;
			}
			for (Flow.Step next : flow.successors(s.code())) {
				LocalDate then = occurred.get(next.code());
				if (then == null) {
					continue;
				}
				int days = (int) ChronoUnit.DAYS.between(on, then);
				if (s.minDays() != null && days < s.minDays()) {
					out.add(new Deviation(Deviation.Kind.TOO_SHORT, s.code(), next.code(), days, s.minDays()));
				}
				if (s.maxDays() != null && days > s.maxDays()) {
					out.add(new Deviation(Deviation.Kind.TOO_LATE, s.code(), next.code(), days, s.maxDays()));
				}
			}
		}
		return out;
	}

}
