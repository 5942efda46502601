package org.qinglian.powerlist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.qinglian.platform.Refused;

/**
 * The power list (小微权力清单) and the uses of power (小微权力运行) with their conformance to the
 * flow. The catalogue is public; exercises are village data, scoped to the signed-in
 * user's jurisdiction.
 */
public interface PowerList {

	/** The categories of power items (the vocabulary of {@code power_items.csv}). */
	List<String> CATEGORIES = List.of("major_decision", "project", "procurement", "assets", "finance", "livelihood",
			"land", "personnel", "seal", "other");

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
	Map<String, ExerciseFigures> figures();

	/**
	 * Checks every exercise against its flow again and stores the results; returns how
	 * many deviate.
	 */
	long recheckAll();

	/**
	 * Saves a power item of the county's catalogue with its steps (new, or replacing the
	 * item and its steps), checked as an import checks them and for cycles in the flow; a
	 * step that uses of power have recorded cannot be removed. The change is audited and
	 * every use of power is checked against the flows again. Administrators only.
	 * @throws CatalogueRejectedException listing what is wrong; nothing is saved then
	 */
	void saveItem(PowerItemView item);

	/**
	 * Saves a red line (new or changed); its item, if named, must be in the catalogue.
	 * @throws CatalogueRejectedException listing what is wrong
	 */
	void saveRedLine(RedLineView line);

	/** Removes a red line. */
	void deleteRedLine(String code);

	/**
	 * Starts a use of power in a village (open, with no step yet); returns its id.
	 * Village cadres of that village.
	 * @throws Refused naming the field that is wrong
	 */
	String startExercise(ExerciseEntry entry);

	/**
	 * Records a step of a use of power with its evidence and checks the use of power
	 * against its flow at once. A step the flow does not allow then (a predecessor
	 * missing or later, a disclosure too short...) is recorded only if {@code confirmed};
	 * returns the deviations the use of power has afterwards, in Chinese. Village cadres
	 * of its village.
	 * @throws StepFlagged the new deviations, when not confirmed
	 */
	List<String> recordStep(StepEntry entry, boolean confirmed);

	/** The uses of power of a village that are still open, newest first. */
	List<ExerciseView> openExercises(String villageCode);

	record ExerciseEntry(String itemCode, String regionCode, String title, BigDecimal amount, LocalDate startedOn) {
	}

	/**
	 * A step to record.
	 *
	 * @param finish the use of power is done with this step
	 */
	record StepEntry(String exerciseId, String stepCode, LocalDate occurredOn, String evidence, String note,
			boolean finish) {
	}

	/** A step that would make the use of power deviate from its flow: the reasons. */
	class StepFlagged extends Refused {

		private final transient List<String> reasons;

		public StepFlagged(List<String> reasons) {
			super("powerlist.stepFlagged", "the step deviates from the flow: " + reasons);
			this.reasons = List.copyOf(reasons);
		}

		public List<String> reasons() {
			return reasons;
		}

	}

	/**
	 * What is wrong with an edit of the catalogue.
	 *
	 * @param field the field, e.g. {@code name} or {@code steps[2].after}
	 * @param messageKey the message that says what is wrong
	 * @param args its arguments
	 */
	record CatalogueProblem(String field, String messageKey, List<Object> args) {
	}

	/** An edit of the catalogue refused, with every problem found. */
	class CatalogueRejectedException extends IllegalArgumentException {

		private final transient List<CatalogueProblem> problems;

		public CatalogueRejectedException(List<CatalogueProblem> problems) {
			super(problems.stream().map(p -> p.field() + ": " + p.messageKey() + " " + p.args()).toList().toString());
			this.problems = List.copyOf(problems);
		}

		public List<CatalogueProblem> problems() {
			return problems;
		}

	}

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
			String initiatorId, BigDecimal amount, LocalDate startedOn, ExerciseStatus status, Boolean conforms,
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
