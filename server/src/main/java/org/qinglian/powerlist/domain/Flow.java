package org.qinglian.powerlist.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The flow of a power item (流程图): its steps as a partial order. A step's {@code after}
 * names the steps that must have occurred before it; {@code minDays}/{@code maxDays}
 * bound the days from it to each step that follows it.
 *
 * @param itemCode the power item
 * @param steps its steps in the catalogue's order
 */
public record Flow(String itemCode, List<Step> steps) {

	public Flow {
		steps = List.copyOf(steps);
	}

	public Map<String, Step> byCode() {
		return steps.stream().collect(Collectors.toMap(Step::code, Function.identity()));
	}

	/** The steps whose {@code after} names {@code code}. */
	public List<Step> successors(String code) {
		return steps.stream().filter(s -> s.after().contains(code)).toList();
	}

	/**
	 * One step of a flow.
	 *
	 * @param code step code
	 * @param seq position in the catalogue
	 * @param name name shown
	 * @param after codes of the steps that must come first
	 * @param minDays least days to each following step, or {@code null}
	 * @param maxDays most days to each following step, or {@code null}
	 * @param disclosure whether the step is a public disclosure (公示)
	 * @param optional whether a completed exercise may lack it
	 */
	public record Step(String code, int seq, String name, Set<String> after, Integer minDays, Integer maxDays,
			boolean disclosure, boolean optional) {

		public Step {
			after = Set.copyOf(after);
		}

	}

}
