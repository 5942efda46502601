package org.qinglian.assets.web;

import java.util.List;

import org.qinglian.assets.VillageAccounts;
import org.qinglian.assets.VillageAccounts.ContractView;
import org.qinglian.assets.VillageAccounts.ProjectView;
import org.qinglian.assets.VillageAccounts.SubsidyView;
import org.qinglian.assets.VillageAccounts.VoucherView;
import org.qinglian.web.ApiReads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A village's books over REST, newest first; scoped and audited like its page. */
@RestController
@Tag(name = "books", description = "A village's books (三资): vouchers, contracts, projects, subsidies; newest first.")
@RequestMapping("/api/v1/regions/{code}")
class AssetsApi {

	private final VillageAccounts accounts;

	private final ApiReads reads;

	AssetsApi(VillageAccounts accounts, ApiReads reads) {
		this.accounts = accounts;
		this.reads = reads;
	}

	@Operation(summary = "A village's vouchers, newest first (at most limit, 1 to 1000)")
	@GetMapping("/vouchers")
	List<VoucherView> vouchers(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("vouchers", code, accounts.vouchers(code, ApiReads.bounded(limit)));
	}

	@Operation(summary = "A village's contracts, newest first")
	@GetMapping("/contracts")
	List<ContractView> contracts(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("contracts", code, accounts.contracts(code, ApiReads.bounded(limit)));
	}

	@Operation(summary = "A village's projects, newest first")
	@GetMapping("/projects")
	List<ProjectView> projects(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("projects", code, accounts.projects(code, ApiReads.bounded(limit)));
	}

	@Operation(summary = "A village's subsidy payments, newest first")
	@GetMapping("/subsidies")
	List<SubsidyView> subsidies(@PathVariable String code, @RequestParam(defaultValue = "100") int limit) {
		return reads.audited("subsidies", code, accounts.subsidies(code, ApiReads.bounded(limit)));
	}

}
