package org.qinglian.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.platform.AuditLog;
import org.qinglian.platform.Scope;
import org.qinglian.powerlist.PowerList;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API for the WeChat/DingTalk front ends and other systems; the same scoping as
 * the pages.
 */
@RestController
@RequestMapping("/api/v1")
class ApiController {

	private static final int MAX = 1_000;

	private final Jurisdiction jurisdiction;

	private final PowerList powerList;

	private final VillageAccounts accounts;

	private final Clock clock;

	private final AuditLog audit;

	ApiController(Jurisdiction jurisdiction, PowerList powerList, VillageAccounts accounts, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.jurisdiction = jurisdiction;
		this.powerList = powerList;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * A read of records that name people (cadres, recipients, counterparties, approvers),
	 * audited like the page that shows them; after the read, so that a refused one is not
	 * recorded as a read.
	 */
	private <T> T audited(String what, String code, T records) {
		audit.record("api_view_" + what, "region", code, code, null);
		return records;
	}

	/** A page size between 1 and {@link #MAX}, whatever the client asked. */
	private static int bounded(int limit) {
		return Math.max(1, Math.min(limit, MAX));
	}

	@GetMapping("/regions")
	List<Jurisdiction.RegionView> regions() {
		return jurisdiction.regionsInScope();
	}

	@GetMapping("/power-items")
	List<PowerList.PowerItemView> powerItems() {
		return powerList.catalogue();
	}

	@GetMapping("/regions/{code}/positions")
	List<Jurisdiction.PositionView> positions(@PathVariable String code, @RequestParam(required = false) LocalDate on) {
		return audited("positions", code, jurisdiction.positions(code, on == null ? LocalDate.now(clock) : on));
	}

	@GetMapping("/regions/{code}/exercises")
	List<PowerList.ExerciseView> exercises(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return audited("exercises", code, powerList.exercises(code, bounded(limit)));
	}

	@GetMapping("/exercises/{id}")
	PowerList.ExerciseDetail exercise(@PathVariable String id) {
		PowerList.ExerciseDetail detail = powerList.exercise(id).orElseThrow(Scope.NotInScopeException::new);
		audit.record("api_view_exercise", "power_exercise", id, detail.exercise().regionCode(), null);
		return detail;
	}

	@GetMapping("/regions/{code}/vouchers")
	List<VillageAccounts.VoucherView> vouchers(@PathVariable String code,
			@RequestParam(defaultValue = "100") int limit) {
		return audited("vouchers", code, accounts.vouchers(code, bounded(limit)));
	}

	@GetMapping("/regions/{code}/contracts")
	List<VillageAccounts.ContractView> contracts(@PathVariable String code,
			@RequestParam(defaultValue = "100") int limit) {
		return audited("contracts", code, accounts.contracts(code, bounded(limit)));
	}

	@GetMapping("/regions/{code}/projects")
	List<VillageAccounts.ProjectView> projects(@PathVariable String code,
			@RequestParam(defaultValue = "100") int limit) {
		return audited("projects", code, accounts.projects(code, bounded(limit)));
	}

	@GetMapping("/regions/{code}/subsidies")
	List<VillageAccounts.SubsidyView> subsidies(@PathVariable String code,
			@RequestParam(defaultValue = "100") int limit) {
		return audited("subsidies", code, accounts.subsidies(code, bounded(limit)));
	}

}
