package org.qinglian.powerlist.web;

import java.util.List;

import org.qinglian.platform.Scope;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseDetail;
import org.qinglian.powerlist.PowerList.ExerciseView;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.web.ApiReads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The power list and a village's uses of power, over REST; scoped and audited like the
 * pages.
 */
@RestController
@Tag(name = "power list", description = "The power list (小微权力清单) and the uses of power with their conformance.")
@RequestMapping("/api/v1")
class PowerListApi {

	private final PowerList powerList;

	private final ApiReads reads;

	PowerListApi(PowerList powerList, ApiReads reads) {
		this.powerList = powerList;
		this.reads = reads;
	}

	@Operation(summary = "The county's power list: items, their flows and red lines")
	@GetMapping("/power-items")
	List<PowerItemView> powerItems() {
		return powerList.catalogue();
	}

	@Operation(summary = "A village's uses of power with their conformance, newest first")
	@GetMapping("/regions/{code}/exercises")
	List<ExerciseView> exercises(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("exercises", code, powerList.exercises(code, ApiReads.bounded(limit)));
	}

	@Operation(summary = "One use of power with its steps")
	@GetMapping("/exercises/{id}")
	ExerciseDetail exercise(@PathVariable String id) {
		ExerciseDetail detail = powerList.exercise(id).orElseThrow(Scope.NotInScopeException::new);
		return reads.audited("exercise", "power_exercise", id, detail.exercise().regionCode(), detail);
	}

}
