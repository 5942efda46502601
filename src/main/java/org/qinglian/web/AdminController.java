package org.qinglian.web;

import java.util.List;

import org.qinglian.jurisdiction.Jurisdiction;
import org.qinglian.platform.Role;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's user management. */
@Controller
class AdminController {

	private final UserAccounts users;

	private final Jurisdiction jurisdiction;

	AdminController(UserAccounts users, Jurisdiction jurisdiction) {
		this.users = users;
		this.jurisdiction = jurisdiction;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("regions", jurisdiction.regionsInScope());
		return "admin/users";
	}

	@PostMapping("/admin/users")
	String save(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam String role, @RequestParam String regionCode, @RequestParam(required = false) String personId,
			RedirectAttributes redirect) {
		try {
			users.save(new NewUser(username.trim(), displayName.trim(), password, Role.of(role), regionCode, personId));
			redirect.addFlashAttribute("saved", username);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{username}/enabled")
	String enable(@PathVariable String username, @RequestParam boolean enabled) {
		users.setEnabled(username, enabled);
		return "redirect:/admin/users";
	}

}
