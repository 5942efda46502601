package org.qinglian.powerlist.web;

import java.util.List;

import org.qinglian.platform.Scope;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseDetail;
import org.qinglian.powerlist.PowerList.ExerciseView;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.web.ApiReads;

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
@RequestMapping("/api/v1")
class PowerListApi {

	private final PowerList powerList;

	private final ApiReads reads;

	PowerListApi(PowerList powerList, ApiReads reads) {
		this.powerList = powerList;
		this.reads = reads;
	}

	@GetMapping("/power-items")
	List<PowerItemView> powerItems() {
		return powerList.catalogue();
	}

	@GetMapping("/regions/{code}/exercises")
	List<ExerciseView> exercises(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("exercises", code, powerList.exercises(code, ApiReads.bounded(limit)));
	}

	@GetMapping("/exercises/{id}")
	ExerciseDetail exercise(@PathVariable String id) {
		ExerciseDetail detail = powerList.exercise(id).orElseThrow(Scope.NotInScopeException::new);
		return reads.audited("exercise", "power_exercise", id, detail.exercise().regionCode(), detail);
	}

}
