package org.qinglian.powerlist;

import static org.qinglian.platform.ColumnType.*;

import org.qinglian.platform.ExchangeFile;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The files of the QDX bundle that hold the power list and the uses of power. */
@Configuration(proxyBeanMethods = false)
class PowerListExchange {

	static final String[] CATEGORIES = { "major_decision", "project", "procurement", "assets", "finance", "livelihood",
			"land", "personnel", "seal", "other" };

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
			.check("after", "names a step that is not a step of the same item", """
					select s._line from {stage} s cross join lateral unnest(string_to_array(s.after, ';')) a(step)
					where not exists (select 1 from {stage} o where o.item_code = s.item_code and o.step_code = a.step)
					  and not exists (select 1 from {table} t where t.item_code = s.item_code and t.step_code = a.step)
					""")
			.check("max_days", "is less than min_days", "select _line from {stage} where max_days::int < min_days::int")
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
					"""
							select e._line from {stage} e
							join (select exercise_id, item_code from {stage:power_exercises.csv}
							      union all select exercise_id, item_code from {table:power_exercises.csv}) x
							  on x.exercise_id = e.exercise_id
							where not exists (select 1 from {stage:power_steps.csv} p where p.item_code = x.item_code and p.step_code = e.step_code)
							  and not exists (select 1 from {table:power_steps.csv} p where p.item_code = x.item_code and p.step_code = e.step_code)
							""")
			.build();
	}

}
