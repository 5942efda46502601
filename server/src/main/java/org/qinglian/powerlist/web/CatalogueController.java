package org.qinglian.powerlist.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinglian.powerlist.Flowcharts;
import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.CatalogueProblem;
import org.qinglian.powerlist.PowerList.CatalogueRejectedException;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.powerlist.PowerList.RedLineView;
import org.qinglian.powerlist.PowerList.StepView;
import org.qinglian.platform.Flash;
import org.qinglian.web.Redirect;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator edits the county's power list (小微权力清单): items with their flows, and
 * the red lines. The rules of the edit are the power list's; a refused edit shows every
 * problem beside the values as typed, and saves nothing.
 */
@Controller
class CatalogueController {

	/** Blank rows under an item's steps, for adding steps. */
	private static final int BLANK_STEPS = 3;

	private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)\\]\\.(\\w+)");

	private final PowerList powerList;

	private final MessageSource messages;

	CatalogueController(PowerList powerList, MessageSource messages) {
		this.powerList = powerList;
		this.messages = messages;
	}

	@GetMapping("/admin/catalogue")
	String catalogue(Model model) {
		model.addAttribute("items", powerList.catalogue());
		model.addAttribute("redLines", powerList.redLines());
		return "powerlist/catalogue";
	}

	@GetMapping("/admin/catalogue/new")
	String newItem(Model model) {
		return edit(ItemForm.newItem().withBlankSteps(BLANK_STEPS), List.of(), model);
	}

	@GetMapping("/admin/catalogue/items/{itemCode}")
	String item(@PathVariable String itemCode, Model model) {
		PowerItemView item = find(itemCode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no power item " + itemCode));
		model.addAttribute("flowchart", Flowcharts.draw(item.steps(), null));
		return edit(ItemForm.of(item).withBlankSteps(BLANK_STEPS), List.of(), model);
	}

	@PostMapping("/admin/catalogue/items")
	String save(@ModelAttribute("form") ItemForm form, Model model, RedirectAttributes redirect) {
		List<CatalogueProblem> problems = new ArrayList<>();
		PowerItemView item = form.toItem(problems);
		if (problems.isEmpty()) {
			try {
				powerList.saveItem(item);
				Flash.notice(redirect, "catalogue.saved", item.code());
				return Redirect.to("/admin/catalogue/items/{code}", item.code());
			}
			catch (CatalogueRejectedException ex) {
				problems.addAll(ex.problems());
			}
		}
		return edit(form, problems, model);
	}

	@PostMapping("/admin/catalogue/red-lines")
	String saveRedLine(@RequestParam String code, @RequestParam String text,
			@RequestParam(required = false) String itemCode, Locale locale, RedirectAttributes redirect) {
		try {
			powerList.saveRedLine(new RedLineView(code.strip(), text, itemCode));
			Flash.notice(redirect, "catalogue.saved", code.strip());
		}
		catch (CatalogueRejectedException ex) {
			redirect.addFlashAttribute("problems", describe(ex.problems(), locale));
		}
		return "redirect:/admin/catalogue#red-lines";
	}

	@PostMapping("/admin/catalogue/red-lines/{code}/delete")
	String deleteRedLine(@PathVariable String code, RedirectAttributes redirect) {
		powerList.deleteRedLine(code);
		Flash.notice(redirect, "catalogue.deleted", code);
		return "redirect:/admin/catalogue#red-lines";
	}

	private String edit(ItemForm form, List<CatalogueProblem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("categories", PowerList.CATEGORIES);
		model.addAttribute("problems", describe(problems, LocaleContextHolder.getLocale()));
		return "powerlist/item";
	}

	private Optional<PowerItemView> find(String code) {
		return powerList.catalogue().stream().filter(i -> i.code().equals(code)).findFirst();
	}

	/** Each problem as one line: where (a label in the page's language), then what. */
	List<String> describe(List<CatalogueProblem> problems, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (CatalogueProblem p : problems) {
			String what = messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale);
			lines.add(label(p.field(), locale) + ": " + what);
		}
		return lines;
	}

	private String label(String field, Locale locale) {
		Matcher m = STEP_FIELD.matcher(field);
		if (m.matches()) {
			int row = Integer.parseInt(m.group(1)) + 1;
			return messages.getMessage("catalogue.row", new Object[] { row }, locale) + " · "
					+ messages.getMessage("catalogue.step." + m.group(2), null, m.group(2), locale);
		}
		return messages.getMessage("catalogue.item." + field, null, field, locale);
	}

	/**
	 * The edit form of an item, as typed: numbers stay text until they are checked. Bound
	 * through its constructor, steps included ({@code steps[0].code}).
	 */
	record ItemForm(Boolean creating, String code, String category, String name, String description, String legalBasis,
			List<StepForm> steps) {

		/** What the form did not post is false, or no steps. */
		ItemForm {
			creating = Boolean.TRUE.equals(creating);
			steps = steps == null ? List.of() : steps.stream().map(s -> s == null ? StepForm.BLANK : s).toList();
		}

		static ItemForm newItem() {
			return new ItemForm(true, null, null, null, null, null, List.of());
		}

		static ItemForm of(PowerItemView item) {
			return new ItemForm(false, item.code(), item.category(), item.name(), item.description(), item.legalBasis(),
					item.steps().stream().map(StepForm::of).toList());
		}

		/** The same form with blank rows under its steps, for adding steps. */
		ItemForm withBlankSteps(int n) {
			List<StepForm> more = new ArrayList<>(steps);
			for (int i = 0; i < n; i++) {
				more.add(StepForm.BLANK);
			}
			return new ItemForm(creating, code, category, name, description, legalBasis, more);
		}

		/**
		 * The item the form describes; blank rows and rows marked for removal are left
		 * out, and a number that is not one is a problem.
		 */
		PowerItemView toItem(List<CatalogueProblem> problems) {
			List<StepView> out = new ArrayList<>();
			for (int i = 0; i < steps.size(); i++) {
				StepForm s = steps.get(i);
				if (s.remove() || (blank(s.code()) && blank(s.name()))) {
					continue;
				}
				String at = "steps[" + i + "]";
				Integer seq = number(s.seq(), at + ".seq", problems);
				out.add(new StepView(strip(s.code()), seq == null ? out.size() + 1 : seq, strip(s.name()),
						strip(s.actorRole()),
						blank(s.after()) ? List.of()
								: Arrays.stream(s.after().split("[;,，；\\s]+")).filter(a -> !a.isEmpty()).toList(),
						number(s.minDays(), at + ".minDays", problems), number(s.maxDays(), at + ".maxDays", problems),
						s.disclosure(), s.optional()));
			}
			return new PowerItemView(strip(code), category, strip(name), strip(description), strip(legalBasis), out,
					List.of());
		}

		private static Integer number(String v, String field, List<CatalogueProblem> problems) {
			if (blank(v)) {
				return null;
			}
			try {
				return Integer.valueOf(v.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new CatalogueProblem(field, "catalogue.problem.number", List.of(v)));
				return null;
			}
		}

		private static boolean blank(String s) {
			return s == null || s.isBlank();
		}

		private static String strip(String s) {
			return s == null ? null : s.strip();
		}

	}

	/** One step as typed. */
	record StepForm(String code, String seq, String name, String actorRole, String after, String minDays,
			String maxDays, Boolean disclosure, Boolean optional, Boolean remove) {

		/** An unticked box is not posted: false. */
		StepForm {
			disclosure = Boolean.TRUE.equals(disclosure);
			optional = Boolean.TRUE.equals(optional);
			remove = Boolean.TRUE.equals(remove);
		}

		static final StepForm BLANK = new StepForm(null, null, null, null, null, null, null, false, false, false);

		static StepForm of(StepView s) {
			return new StepForm(s.code(), String.valueOf(s.seq()), s.name(), s.actorRole(), String.join(";", s.after()),
					s.minDays() == null ? "" : String.valueOf(s.minDays()),
					s.maxDays() == null ? "" : String.valueOf(s.maxDays()), s.disclosure(), s.optional(), false);
		}

	}

}
