package org.qinglian.powerlist.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qinglian.powerlist.PowerList.CatalogueProblem;
import org.qinglian.platform.ColumnType;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.powerlist.PowerList.RedLineView;
import org.qinglian.powerlist.PowerList.StepView;

/**
 * What a county's own edit of a power item must satisfy: the same rules as the
 * {@code power_items.csv} and {@code power_steps.csv} files of an import, and one more
 * that only a whole item shows: its steps' {@code after} form no cycle (a flow that can
 * never be followed). Each problem names its field ({@code name}, {@code steps[2].after})
 * and a message key with its arguments.
 */
public final class CatalogueChecks {

	private static final int NAME_LENGTH = 200;

	private static final int ROLE_LENGTH = 32;

	private CatalogueChecks() {
	}

	public static List<CatalogueProblem> check(PowerItemView item, Set<String> categories) {
		List<CatalogueProblem> problems = new ArrayList<>();
		code(item.code(), "code", problems);
		if (item.category() == null || !categories.contains(item.category())) {
			problems.add(problem("category", "catalogue.problem.category", item.category()));
		}
		text(item.name(), "name", NAME_LENGTH, problems);
		if (item.steps().isEmpty()) {
			problems.add(problem("steps", "catalogue.problem.noSteps"));
		}
		Map<String, Integer> codes = new HashMap<>();
		for (int i = 0; i < item.steps().size(); i++) {
			StepView s = item.steps().get(i);
			String at = "steps[" + i + "]";
			if (code(s.code(), at + ".code", problems) && codes.putIfAbsent(s.code(), i) != null) {
				problems.add(problem(at + ".code", "catalogue.problem.stepTwice", s.code()));
			}
			text(s.name(), at + ".name", NAME_LENGTH, problems);
			if (s.actorRole() != null && s.actorRole().length() > ROLE_LENGTH) {
				problems.add(problem(at + ".actorRole", "catalogue.problem.tooLong", ROLE_LENGTH));
			}
			if (s.minDays() != null && s.minDays() < 0) {
				problems.add(problem(at + ".minDays", "catalogue.problem.negative"));
			}
			if (s.maxDays() != null && s.maxDays() < 0) {
				problems.add(problem(at + ".maxDays", "catalogue.problem.negative"));
			}
			if (s.minDays() != null && s.maxDays() != null && s.maxDays() < s.minDays()) {
				problems.add(problem(at + ".maxDays", "catalogue.problem.maxBelowMin"));
			}
		}
		for (int i = 0; i < item.steps().size(); i++) {
			StepView s = item.steps().get(i);
			for (String before : s.after()) {
				if (!codes.containsKey(before)) {
					problems.add(problem("steps[" + i + "].after", "catalogue.problem.unknownStep", before));
				}
				else if (before.equals(s.code())) {
					problems.add(problem("steps[" + i + "].after", "catalogue.problem.afterItself"));
				}
			}
		}
		String cycle = cycle(item.steps(), codes.keySet());
		if (cycle != null) {
			problems.add(problem("steps", "catalogue.problem.cycle", cycle));
		}
		return problems;
	}

	/**
	 * What is wrong with a red line: its code, its text, and the item it names, which
	 * must be in the catalogue.
	 */
	public static List<CatalogueProblem> checkRedLine(RedLineView line, boolean itemKnown) {
		List<CatalogueProblem> problems = new ArrayList<>();
		code(line.code(), "code", problems);
		if (line.text() == null || line.text().isBlank()) {
			problems.add(problem("text", "catalogue.problem.required"));
		}
		if (line.itemCode() != null && !itemKnown) {
			problems.add(problem("itemCode", "catalogue.problem.unknownItem", line.itemCode()));
		}
		return problems;
	}

	/**
	 * A step on a cycle of {@code after}, or {@code null}: a depth-first search over the
	 * steps whose predecessors are known.
	 */
	private static String cycle(List<StepView> steps, Set<String> known) {
		Map<String, List<String>> after = new HashMap<>();
		for (StepView s : steps) {
			after.put(s.code(), s.after().stream().filter(known::contains).toList());
		}
		Set<String> done = new HashSet<>();
		Set<String> onPath = new HashSet<>();
		for (String start : after.keySet()) {
			String found = visit(start, after, done, onPath);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String visit(String step, Map<String, List<String>> after, Set<String> done, Set<String> onPath) {
		if (done.contains(step)) {
			return null;
		}
		if (!onPath.add(step)) {
			return step;
		}
		for (String before : after.getOrDefault(step, List.of())) {
			if (!before.equals(step)) {
				String found = visit(before, after, done, onPath);
				if (found != null) {
					return found;
				}
			}
		}
		onPath.remove(step);
		done.add(step);
		return null;
	}

	private static boolean code(String code, String field, List<CatalogueProblem> problems) {
		if (code == null || code.isBlank()) {
			problems.add(problem(field, "catalogue.problem.required"));
			return false;
		}
		if (!ColumnType.isId(code)) {
			problems.add(problem(field, "catalogue.problem.code", ColumnType.ID_LENGTH));
			return false;
		}
		return true;
	}

	private static void text(String value, String field, int max, List<CatalogueProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(problem(field, "catalogue.problem.required"));
		}
		else if (value.codePointCount(0, value.length()) > max) {
			problems.add(problem(field, "catalogue.problem.tooLong", max));
		}
	}

	private static CatalogueProblem problem(String field, String key, Object... args) {
		return new CatalogueProblem(field, key, Arrays.stream(args).map(a -> a == null ? (Object) "" : a).toList());
	}

}
