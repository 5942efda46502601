package org.qinglian.disclosure.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.qinglian.assets.VillageBooks;
import org.qinglian.disclosure.Publications;
import org.qinglian.disclosure.VillageDesk;
import org.qinglian.disclosure.VillageDesk.VillageState;
import org.qinglian.disclosure.web.DeskForms.ContractForm;
import org.qinglian.disclosure.web.DeskForms.ExerciseForm;
import org.qinglian.disclosure.web.DeskForms.StepForm;
import org.qinglian.disclosure.web.DeskForms.VoucherForm;
import org.qinglian.platform.Flash;
import org.qinglian.platform.Refused;
import org.qinglian.platform.Role.Permission;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.ExerciseDetail;
import org.qinglian.web.Redirect;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The village's desk (村务公开台): a village cadre, or the custodian agency for the villages
 * it keeps, books vouchers with their scans, contracts and leases, starts uses of power
 * and records their steps, sees what is not yet published and publishes it. A booking a
 * red line may catch comes back with the reasons and is saved once confirmed.
 */
@Controller
class DeskPages {

	private final VillageDesk desk;

	private final VillageBooks books;

	private final PowerList powerList;

	private final Publications publications;

	private final Scopes scopes;

	private final Clock clock;

	DeskPages(VillageDesk desk, VillageBooks books, PowerList powerList, Publications publications, Scopes scopes,
			Clock clock) {
		this.desk = desk;
		this.books = books;
		this.powerList = powerList;
		this.publications = publications;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * The village the desk shows: the one asked for, if the user keeps it, or the first.
	 */
	private VillageState chosen(String village, Model model) {
		List<VillageState> villages = desk.villages();
		scopes.current().require(Permission.KEEP_BOOKS);
		VillageState shown = village == null || village.isBlank() ? villages.stream().findFirst().orElse(null)
				: villages.stream()
					.filter(v -> v.code().equals(village))
					.findFirst()
					.orElseThrow(Scope.NotInScopeException::new);
		if (shown == null) {
			throw new Scope.NotInScopeException();
		}
		model.addAttribute("villages", villages);
		model.addAttribute("village", shown);
		return shown;
	}

	@GetMapping("/village/desk")
	String desk(@RequestParam(required = false) String village, Model model) {
		VillageState shown = chosen(village, model);
		model.addAttribute("waiting", desk.unpublished(shown.code()));
		List<String> months = publications.voucherMonths(shown.code());
		model.addAttribute("recent",
				months.isEmpty() ? List.of() : publications.published(shown.code(), "voucher", months.get(0)));
		model.addAttribute("canRecord", scopes.current().can(Permission.RECORD_EXERCISES));
		model.addAttribute("open",
				scopes.current().can(Permission.RECORD_EXERCISES) ? powerList.openExercises(shown.code()) : List.of());
		return "disclosure/desk";
	}

	@PostMapping("/village/publish")
	String publish(@RequestParam String village, RedirectAttributes redirect) {
		int n = desk.publish(village);
		Flash.notice(redirect, "desk.published", n);
		return toDesk(village);
	}

	private String voucherForm(VoucherForm form, String id, Model model) {
		chosen(form.village(), model);
		model.addAttribute("form", form);
		model.addAttribute("voucherId", id);
		model.addAttribute("categories", VillageBooks.CATEGORIES);
		model.addAttribute("methods", VillageBooks.METHODS);
		return "disclosure/voucher-form";
	}

	@GetMapping("/village/vouchers/new")
	String newVoucher(@RequestParam(required = false) String village, Model model) {
		String code = chosen(village, model).code();
		return voucherForm(new VoucherForm(code, LocalDate.now(clock).toString(), "expense", "", "bank", "", "office",
				"", "", null, null, null), null, model);
	}

	@PostMapping("/village/vouchers")
	String bookVoucher(VoucherForm form, @RequestParam(name = "scan", required = false) MultipartFile scan, Model model,
			RedirectAttributes redirect) {
		try {
			VillageDesk.Upload upload = scan == null || scan.isEmpty() ? null
					: new VillageDesk.Upload(scan.getOriginalFilename(), bytes(scan));
			String id = desk.bookVoucher(form.entry(), upload, form.sure());
			Flash.notice(redirect, "desk.booked", id);
			return toDesk(form.village());
		}
		catch (Refused ex) {
			problem(ex, model);
			return voucherForm(form, null, model);
		}
	}

	@GetMapping("/village/vouchers/{id}/correct")
	String correctForm(@PathVariable String id, Model model) {
		VillageBooks.VoucherEntry entry = books.voucher(id).orElseThrow(Scope.NotInScopeException::new);
		model.addAttribute("published", !publications.history("voucher", id).isEmpty());
		return voucherForm(VoucherForm.of(entry), id, model);
	}

	@PostMapping("/village/vouchers/{id}/correct")
	String correct(@PathVariable String id, VoucherForm form, Model model, RedirectAttributes redirect) {
		VillageBooks.VoucherEntry old = books.voucher(id).orElseThrow(Scope.NotInScopeException::new);
		VoucherForm mine = new VoucherForm(old.regionCode(), form.bookedOn(), form.direction(), form.amount(),
				form.method(), form.counterpartyName(), form.category(), form.summary(), form.invoiceNo(),
				form.reason(), form.removeScan(), form.sure());
		try {
			desk.correctVoucher(id, mine.entry(), form.reason(), Boolean.TRUE.equals(form.removeScan()), form.sure());
			Flash.notice(redirect, "desk.corrected", id);
			return toDesk(old.regionCode());
		}
		catch (Refused ex) {
			problem(ex, model);
			model.addAttribute("published", !publications.history("voucher", id).isEmpty());
			return voucherForm(mine, id, model);
		}
	}

	private String contractForm(ContractForm form, Model model) {
		chosen(form.village(), model);
		model.addAttribute("form", form);
		model.addAttribute("kinds", VillageBooks.CONTRACT_KINDS);
		model.addAttribute("awards", VillageBooks.AWARD_METHODS);
		model.addAttribute("assets", books.assets(form.village()));
		return "disclosure/contract-form";
	}

	@GetMapping("/village/contracts/new")
	String newContract(@RequestParam(required = false) String village, Model model) {
		String code = chosen(village, model).code();
		return contractForm(new ContractForm(code, "lease", "", "", LocalDate.now(clock).toString(), "", "", "", "",
				"open_tender", "", null), model);
	}

	@PostMapping("/village/contracts")
	String bookContract(ContractForm form, Model model, RedirectAttributes redirect) {
		try {
			String id = desk.bookContract(form.entry(), form.sure());
			Flash.notice(redirect, "desk.booked", id);
			return toDesk(form.village());
		}
		catch (Refused ex) {
			problem(ex, model);
			return contractForm(form, model);
		}
	}

	@GetMapping("/village/exercises/new")
	String newExercise(@RequestParam(required = false) String village, Model model) {
		scopes.current().require(Permission.RECORD_EXERCISES);
		String code = chosen(village, model).code();
		model.addAttribute("form", new ExerciseForm(code, "", "", "", LocalDate.now(clock).toString()));
		model.addAttribute("items", powerList.catalogue());
		return "disclosure/exercise-form";
	}

	@PostMapping("/village/exercises")
	String startExercise(ExerciseForm form, Model model, RedirectAttributes redirect) {
		try {
			String id = desk.startExercise(form.entry());
			Flash.notice(redirect, "desk.started", id);
			return Redirect.to("/village/exercises/{id}/steps", id);
		}
		catch (Refused ex) {
			problem(ex, model);
			chosen(form.village(), model);
			model.addAttribute("form", form);
			model.addAttribute("items", powerList.catalogue());
			return "disclosure/exercise-form";
		}
	}

	private String stepForm(String id, StepForm form, Model model) {
		scopes.current().require(Permission.KEEP_BOOKS);
		ExerciseDetail detail = powerList.exercise(id).orElseThrow(Scope.NotInScopeException::new);
		chosen(detail.exercise().regionCode(), model);
		model.addAttribute("detail", detail);
		model.addAttribute("form", form);
		Optional<PowerList.PowerItemView> item = powerList.catalogue()
			.stream()
			.filter(i -> i.code().equals(detail.exercise().itemCode()))
			.findFirst();
		model.addAttribute("steps", item.map(PowerList.PowerItemView::steps).orElse(List.of()));
		return "disclosure/step-form";
	}

	@GetMapping("/village/exercises/{id}/steps")
	String steps(@PathVariable String id, Model model) {
		return stepForm(id, new StepForm("", LocalDate.now(clock).toString(), "", "", null, null), model);
	}

	@PostMapping("/village/exercises/{id}/steps")
	String recordStep(@PathVariable String id, StepForm form, Model model, RedirectAttributes redirect) {
		try {
			List<String> deviations = desk.recordStep(form.entry(id), form.sure());
			Flash.notice(redirect, deviations.isEmpty() ? "desk.stepRecorded" : "desk.stepRecordedDeviating",
					String.join("；", deviations));
			return Redirect.to("/village/exercises/{id}/steps", id);
		}
		catch (PowerList.StepFlagged ex) {
			model.addAttribute("reasons", ex.reasons());
			return stepForm(id, form, model);
		}
		catch (Refused ex) {
			problem(ex, model);
			return stepForm(id, form, model);
		}
	}

	/** The bytes of an upload; one that cannot be read is refused, naming it. */
	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new Refused("disclosure.refused.scanUnreadable", "scan: the file cannot be read",
					String.valueOf(file.getOriginalFilename()));
		}
	}

	private static String toDesk(String village) {
		return "redirect:"
				+ UriComponentsBuilder.fromPath("/village/desk").queryParam("village", village).encode().toUriString();
	}

	private static void problem(Refused ex, Model model) {
		if (ex instanceof VillageBooks.Flagged flagged) {
			model.addAttribute("flags", flagged.flags());
		}
		else {
			model.addAttribute("problemKey", ex.messageKey());
			model.addAttribute("problemArgs", ex.args().toArray());
		}
	}

}
