package org.qinglian.disclosure.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.Publications.Version;
import org.qinglian.jurisdiction.Jurisdiction.RegionView;
import org.qinglian.platform.Scope;
import org.qinglian.powerlist.Flowcharts;
import org.qinglian.network.SupervisionList;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.PowerItemView;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a villager sees of a village, without signing in (村务公开): its home with what is
 * new, its uses of power with their steps and verdicts, its books by month, contracts and
 * leases with the rent received, assets, subsidies paid, projects with their bills of
 * quantities, and each record's history. Only what was published is shown, as it was
 * published.
 */
@Controller
class PortalPages {

	private final Publications publications;

	private final PublicVillages villages;

	private final PowerList powerList;

	private final SupervisionList supervisionList;

	PortalPages(Publications publications, PublicVillages villages, PowerList powerList,
			SupervisionList supervisionList) {
		this.publications = publications;
		this.villages = villages;
		this.powerList = powerList;
		this.supervisionList = supervisionList;
	}

	private RegionView village(String code, Model model) {
		return villages.village(code, model);
	}

	private static String month(String month) {
		return PublicVillages.month(month);
	}

	@GetMapping("/public/villages/{code}")
	String home(@PathVariable String code, Model model) {
		RegionView village = village(code, model);
		model.addAttribute("news", publications.news(village.code(), 10));
		model.addAttribute("months", publications.voucherMonths(village.code()));
		return "disclosure/village";
	}

	@GetMapping("/public/villages/{code}/exercises")
	String exercises(@PathVariable String code, Model model) {
		RegionView village = village(code, model);
		model.addAttribute("exercises", publications.published(village.code(), "exercise", null));
		model.addAttribute("verdicts", publications.verdicts(village.code()));
		return "disclosure/exercises";
	}

	@GetMapping("/public/villages/{code}/exercises/{id}")
	String exercise(@PathVariable String code, @PathVariable String id, Model model) {
		RegionView village = village(code, model);
		List<Version> history = publications.history("exercise", id);
		if (history.isEmpty() || !history.get(history.size() - 1).regionCode().equals(village.code())) {
			throw new Scope.NotInScopeException();
		}
		Version latest = history.get(history.size() - 1);
		String item = String.valueOf(latest.content().get("item"));
		Set<String> done = new LinkedHashSet<>();
		if (latest.content().get("steps") instanceof List<?> steps) {
			steps.forEach(s -> done.add(String.valueOf(((Map<?, ?>) s).get("step"))));
		}
		PowerItemView flow = powerList.catalogue().stream().filter(i -> i.code().equals(item)).findFirst().orElse(null);
		model.addAttribute("exercise", latest);
		model.addAttribute("flowchart", flow == null ? null : Flowcharts.draw(flow.steps(), done));
		model.addAttribute("verdict", publications.verdicts(village.code()).get(id));
		return "disclosure/exercise";
	}

	@GetMapping("/public/villages/{code}/vouchers")
	String vouchers(@PathVariable String code, @RequestParam(required = false) String month, Model model) {
		RegionView village = village(code, model);
		List<String> months = publications.voucherMonths(village.code());
		String shown = month(month) != null ? month : months.isEmpty() ? null : months.get(0);
		List<Version> vouchers = shown == null ? List.of() : publications.published(village.code(), "voucher", shown);
		Publications.Totals totals = Publications.Totals.of(vouchers);
		model.addAttribute("months", months);
		model.addAttribute("month", shown);
		model.addAttribute("vouchers", vouchers);
		model.addAttribute("income", totals.income());
		model.addAttribute("expense", totals.expense());
		return "disclosure/vouchers";
	}

	@GetMapping("/public/villages/{code}/contracts")
	String contracts(@PathVariable String code, Model model) {
		RegionView village = village(code, model);
		List<Version> contracts = publications.published(village.code(), "contract", null);
		model.addAttribute("contracts", contracts);
		model.addAttribute("received", publications.rentReceived(village.code()));
		return "disclosure/contracts";
	}

	@GetMapping("/public/villages/{code}/assets")
	String assets(@PathVariable String code, Model model) {
		RegionView village = village(code, model);
		model.addAttribute("assets", publications.published(village.code(), "asset", null));
		return "disclosure/assets";
	}

	@GetMapping("/public/villages/{code}/subsidies")
	String subsidies(@PathVariable String code, @RequestParam(required = false) String month, Model model) {
		RegionView village = village(code, model);
		List<Version> all = publications.published(village.code(), "subsidy", month(month));
		List<String> months = new ArrayList<>(new LinkedHashSet<>(
				(month == null ? all : publications.published(village.code(), "subsidy", null)).stream()
					.map(Version::month)
					.toList()));
		String shown = month != null ? month : months.isEmpty() ? null : months.get(0);
		model.addAttribute("months", months);
		model.addAttribute("month", shown);
		model.addAttribute("subsidies", all.stream().filter(v -> v.month().equals(shown)).toList());
		return "disclosure/subsidies";
	}

	@GetMapping("/public/villages/{code}/projects")
	String projects(@PathVariable String code, Model model) {
		RegionView village = village(code, model);
		model.addAttribute("projects", publications.published(village.code(), "project", null));
		// the projects on the political supervision list touching the village, by id
		Map<String, SupervisionList.Listed> listed = new LinkedHashMap<>();
		supervisionList.publishedUnder(village.code()).forEach(l -> listed.put(l.projectId(), l));
		model.addAttribute("listed", listed);
		return "disclosure/projects";
	}

	@GetMapping("/public/records/{kind}/{id}")
	String history(@PathVariable String kind, @PathVariable String id, Model model) {
		if (!Publications.KINDS.contains(kind)) {
			throw new Scope.NotInScopeException();
		}
		List<Version> versions = publications.history(kind, id);
		if (versions.isEmpty()) {
			throw new Scope.NotInScopeException();
		}
		village(versions.get(versions.size() - 1).regionCode(), model);
		model.addAttribute("kind", kind);
		model.addAttribute("recordId", id);
		List<Version> newestFirst = new ArrayList<>(versions);
		Collections.reverse(newestFirst);
		model.addAttribute("versions", newestFirst);
		return "disclosure/history";
	}

	@GetMapping("/public/scans/{voucherId}")
	ResponseEntity<byte[]> scan(@PathVariable String voucherId) {
		Publications.Scan scan = publications.scan(voucherId).orElseThrow(Scope.NotInScopeException::new);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(scan.mediaType()))
			.cacheControl(CacheControl.noCache())
			.header("Content-Disposition", "inline")
			.header("X-Content-Type-Options", "nosniff")
			.body(scan.content());
	}

	@GetMapping("/public/publications")
	String log(Model model) {
		model.addAttribute("verification", publications.verified());
		model.addAttribute("acts", publications.acts(50));
		return "disclosure/publications";
	}

}
