package org.qinglian.powerlist;

import static org.qinglian.platform.ColumnType.*;

import java.util.Arrays;
import java.util.List;

import org.qinglian.platform.ExchangeFile;
import org.qinglian.platform.ExchangeFile.Read;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The files of the QDX bundle that hold the power list and the uses of power. */
@Configuration(proxyBeanMethods = false)
class PowerListExchange {

	static final String[] CATEGORIES = PowerList.CATEGORIES.toArray(String[]::new);

	@Bean
	ExchangeFile powerItemsFile() {
		return ExchangeFile.define("power_items.csv", "pow_item", 40)
			.required("item_code", ID)
			.key("item_code")
			.code("category", true, CATEGORIES)
			.required("name", TEXT)
			.optional("description", TEXT)
			.optional("legal_basis", TEXT)
			.build();
	}

	@Bean
	ExchangeFile powerStepsFile() {
		return ExchangeFile.define("power_steps.csv", "pow_step", 41)
			.required("item_code", ID, "power_items.csv")
			.required("step_code", ID)
			.required("seq", INTEGER)
			.required("name", TEXT)
			.optional("actor_role", TEXT)
			.optional("after", ID_LIST)
			.optional("min_days", INTEGER)
			.optional("max_days", INTEGER)
			.required("disclosure", BOOLEAN)
			.required("optional", BOOLEAN)
			.key("item_code", "step_code")
			.check("after", "names a step that is not a step of the same item",
					List.of(new Read("power_steps.csv", null)),
					(row, lookup) -> row.get("after") != null && Arrays.stream(row.get("after").split(";"))
						.anyMatch(step -> !lookup.exists("power_steps.csv", row.get("item_code"), step)))
			.check("max_days", "is less than min_days",
					row -> row.get("max_days") != null && row.get("min_days") != null
							&& Integer.parseInt(row.get("max_days")) < Integer.parseInt(row.get("min_days")))
			.build();
	}

	@Bean
	ExchangeFile redLinesFile() {
		return ExchangeFile.define("red_lines.csv", "pow_red_line", 42)
			.required("red_line_code", ID)
			.key("red_line_code")
			.required("text", TEXT)
			.optional("item_code", ID, "power_items.csv")
			.build();
	}

	@Bean
	ExchangeFile powerExercisesFile() {
		return ExchangeFile.define("power_exercises.csv", "pow_exercise", 43)
			.id("exercise_id")
			.required("item_code", ID, "power_items.csv")
			.required("region_code", REGION_CODE, "regions.csv")
			.required("title", TEXT)
			.optional("initiator_id", ID, "persons.csv")
			.optional("amount", MONEY)
			.required("started_on", DATE)
			.code("status", true, "open", "done", "abandoned")
			.build();
	}

	@Bean
	ExchangeFile exerciseEventsFile() {
		return ExchangeFile.define("exercise_events.csv", "pow_exercise_event", 44)
			.required("exercise_id", ID, "power_exercises.csv")
			.required("step_code", ID)
			.required("occurred_on", DATE)
			.optional("actor_id", ID, "persons.csv")
			.optional("evidence", TEXT)
			.optional("note", TEXT)
			.key("exercise_id", "step_code")
			.check("step_code", "is not a step of the exercise's power item",
					List.of(new Read("power_exercises.csv", "item_code"), new Read("power_steps.csv", null)),
					(row, lookup) -> {
						String item = lookup.value("power_exercises.csv", "item_code", row.get("exercise_id"));
						// an exercise that does not exist is reported by the reference
						// check
						return item != null && !lookup.exists("power_steps.csv", item, row.get("step_code"));
					})
			.build();
	}

}
