package org.qinglian.risk.web;

import java.math.BigDecimal;

import org.qinglian.risk.RiskLibrary;
import org.qinglian.risk.RiskLibrary.RefusedException;
import org.qinglian.platform.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules with their settings, which an administrator may change within each one's
 * range.
 */
@Controller
class RuleSettingsPage {

	private final RiskLibrary risk;

	RuleSettingsPage(RiskLibrary risk) {
		this.risk = risk;
	}

	@GetMapping("/admin/rules")
	String rules(Model model) {
		model.addAttribute("rules", risk.rules());
		return "risk/rules";
	}

	@PostMapping("/admin/rules/{code}/{key}")
	String changeSetting(@PathVariable String code, @PathVariable String key, @RequestParam String value,
			RedirectAttributes redirect) {
		try {
			risk.changeSetting(code, key, new BigDecimal(value.strip()));
			Flash.notice(redirect, "rules.saved", code + "." + key);
		}
		catch (NumberFormatException ex) {
			Flash.problem(redirect, "risk.refused.notANumber", code + "." + key, value);
		}
		catch (RefusedException ex) {
			Flash.problem(redirect, ex.messageKey(), ex.args().toArray());
		}
		return "redirect:/admin/rules";
	}

}
