package org.qinglian.powerlist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The power list (小微权力清单) and the uses of power (小微权力运行) with their conformance to the
 * flow. The catalogue is public; exercises are village data, scoped to the signed-in
 * user's jurisdiction.
 */
public interface PowerList {

	/** The county's catalogue: every item with its flow and red lines (public). */
	List<PowerItemView> catalogue();

	/** The red lines (红线) for cadres (public). */
	List<RedLineView> redLines();

	/**
	 * The exercises of a region's subtree, newest first; the region must be in the user's
	 * jurisdiction.
	 */
	List<ExerciseView> exercises(String regionCode, int limit);

	/** The exercises a person started, within the user's jurisdiction, newest first. */
	List<ExerciseView> initiatedBy(String personId, int limit);

	/** One exercise with its steps, if it is in the user's jurisdiction. */
	Optional<ExerciseDetail> exercise(String exerciseId);

	/** Exercises and deviating exercises per region of the user's jurisdiction. */
	java.util.Map<String, ExerciseFigures> figures();

	/**
	 * Checks every exercise against its flow again and stores the results; returns how
	 * many deviate.
	 */
	long recheckAll();

	record ExerciseFigures(long exercises, long deviating) {
	}

	record PowerItemView(String code, String category, String name, String description, String legalBasis,
			List<StepView> steps, List<RedLineView> redLines) {
	}

	record StepView(String code, int seq, String name, String actorRole, List<String> after, Integer minDays,
			Integer maxDays, boolean disclosure, boolean optional) {
	}

	record RedLineView(String code, String text, String itemCode) {
	}

	record ExerciseView(String exerciseId, String itemCode, String itemName, String regionCode, String title,
			String initiatorId, BigDecimal amount, LocalDate startedOn, String status, Boolean conforms,
			List<DeviationView> deviations) {
	}

	record ExerciseDetail(ExerciseView exercise, List<EventView> events) {
	}

	record EventView(String stepCode, String stepName, LocalDate occurredOn, String actorId, String evidence,
			String note) {
	}

	/**
	 * A deviation from the flow, ready to show.
	 *
	 * @param kind {@code MISSING_STEP}, {@code PREDECESSOR_MISSING},
	 * {@code OUT_OF_ORDER}, {@code TOO_SHORT}, {@code TOO_LATE}
	 * @param stepName the step concerned
	 * @param otherName the other step of the pair, or empty
	 * @param days days observed, or {@code null}
	 * @param limitDays the limit, or {@code null}
	 * @param reasonZh the reason in Chinese, as stored
	 */
	record DeviationView(String kind, String stepName, String otherName, Integer days, Integer limitDays,
			String reasonZh) {
	}

}
