package org.qinglian.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qinglian.powerlist.PowerList;
import org.qinglian.powerlist.PowerList.CatalogueProblem;
import org.qinglian.powerlist.PowerList.CatalogueRejectedException;
import org.qinglian.powerlist.PowerList.PowerItemView;
import org.qinglian.powerlist.PowerList.RedLineView;
import org.qinglian.powerlist.PowerList.StepView;

import org.springframework.context.MessageSource;
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
		return "admin/catalogue";
	}

	@GetMapping("/admin/catalogue/new")
	String newItem(Model model) {
		ItemForm form = new ItemForm();
		form.setCreating(true);
		form.addBlankSteps(BLANK_STEPS);
		return edit(form, List.of(), model);
	}

	@GetMapping("/admin/catalogue/items/{itemCode}")
	String item(@PathVariable String itemCode, Model model) {
		PowerItemView item = find(itemCode)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
					"no power item " + itemCode));
		ItemForm form = ItemForm.of(item);
		form.addBlankSteps(BLANK_STEPS);
		model.addAttribute("flowchart", FlowchartSvg.draw(item.steps(), null));
		return edit(form, List.of(), model);
	}

	@PostMapping("/admin/catalogue/items")
	String save(@ModelAttribute("form") ItemForm form, Model model, RedirectAttributes redirect) {
		List<CatalogueProblem> problems = new ArrayList<>();
		PowerItemView item = form.toItem(problems);
		if (problems.isEmpty()) {
			try {
				powerList.saveItem(item);
				redirect.addFlashAttribute("saved", item.code());
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
			redirect.addFlashAttribute("saved", code.strip());
		}
		catch (CatalogueRejectedException ex) {
			redirect.addFlashAttribute("problems", describe(ex.problems(), locale));
		}
		return "redirect:/admin/catalogue#red-lines";
	}

	@PostMapping("/admin/catalogue/red-lines/{code}/delete")
	String deleteRedLine(@PathVariable String code, RedirectAttributes redirect) {
		powerList.deleteRedLine(code);
		redirect.addFlashAttribute("deleted", code);
		return "redirect:/admin/catalogue#red-lines";
	}

	private String edit(ItemForm form, List<CatalogueProblem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("categories", PowerList.CATEGORIES);
		model.addAttribute("problems",
				describe(problems, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		return "admin/item";
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

	/** The edit form of an item, as typed: numbers stay text until they are checked. */
	public static class ItemForm {

		private boolean creating;

		private String code;

		private String category;

		private String name;

		private String description;

		private String legalBasis;

		private List<StepForm> steps = new ArrayList<>();

		static ItemForm of(PowerItemView item) {
			ItemForm f = new ItemForm();
			f.code = item.code();
			f.category = item.category();
			f.name = item.name();
			f.description = item.description();
			f.legalBasis = item.legalBasis();
			for (StepView s : item.steps()) {
				StepForm sf = new StepForm();
				sf.setCode(s.code());
				sf.setSeq(String.valueOf(s.seq()));
				sf.setName(s.name());
				sf.setActorRole(s.actorRole());
				sf.setAfter(String.join(";", s.after()));
				sf.setMinDays(s.minDays() == null ? "" : String.valueOf(s.minDays()));
				sf.setMaxDays(s.maxDays() == null ? "" : String.valueOf(s.maxDays()));
				sf.setDisclosure(s.disclosure());
				sf.setOptional(s.optional());
				f.steps.add(sf);
			}
			return f;
		}

		void addBlankSteps(int n) {
			for (int i = 0; i < n; i++) {
				steps.add(new StepForm());
			}
		}

		/**
		 * The item the form describes; blank rows and rows marked for removal are left
		 * out, and a number that is not one is a problem.
		 */
		PowerItemView toItem(List<CatalogueProblem> problems) {
			List<StepView> out = new ArrayList<>();
			for (int i = 0; i < steps.size(); i++) {
				StepForm s = steps.get(i);
				if (s.isRemove() || (blank(s.getCode()) && blank(s.getName()))) {
					continue;
				}
				String at = "steps[" + i + "]";
				Integer seq = number(s.getSeq(), at + ".seq", problems);
				out.add(new StepView(strip(s.getCode()), seq == null ? out.size() + 1 : seq, strip(s.getName()),
						strip(s.getActorRole()),
						blank(s.getAfter()) ? List.of()
								: Arrays.stream(s.getAfter().split("[;,，；\\s]+")).filter(a -> !a.isEmpty()).toList(),
						number(s.getMinDays(), at + ".minDays", problems),
						number(s.getMaxDays(), at + ".maxDays", problems), s.isDisclosure(), s.isOptional()));
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

		public boolean isCreating() {
			return creating;
		}

		public void setCreating(boolean creating) {
			this.creating = creating;
		}

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getCategory() {
			return category;
		}

		public void setCategory(String category) {
			this.category = category;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getLegalBasis() {
			return legalBasis;
		}

		public void setLegalBasis(String legalBasis) {
			this.legalBasis = legalBasis;
		}

		public List<StepForm> getSteps() {
			return steps;
		}

		public void setSteps(List<StepForm> steps) {
			this.steps = steps;
		}

	}

	/** One step as typed. */
	public static class StepForm {

		private String code;

		private String seq;

		private String name;

		private String actorRole;

		private String after;

		private String minDays;

		private String maxDays;

		private boolean disclosure;

		private boolean optional;

		private boolean remove;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getSeq() {
			return seq;
		}

		public void setSeq(String seq) {
			this.seq = seq;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getActorRole() {
			return actorRole;
		}

		public void setActorRole(String actorRole) {
			this.actorRole = actorRole;
		}

		public String getAfter() {
			return after;
		}

		public void setAfter(String after) {
			this.after = after;
		}

		public String getMinDays() {
			return minDays;
		}

		public void setMinDays(String minDays) {
			this.minDays = minDays;
		}

		public String getMaxDays() {
			return maxDays;
		}

		public void setMaxDays(String maxDays) {
			this.maxDays = maxDays;
		}

		public boolean isDisclosure() {
			return disclosure;
		}

		public void setDisclosure(boolean disclosure) {
			this.disclosure = disclosure;
		}

		public boolean isOptional() {
			return optional;
		}

		public void setOptional(boolean optional) {
			this.optional = optional;
		}

		public boolean isRemove() {
			return remove;
		}

		public void setRemove(boolean remove) {
			this.remove = remove;
		}

	}

}
