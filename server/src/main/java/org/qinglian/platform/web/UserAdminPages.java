package org.qinglian.platform.web;

import java.util.Arrays;
import java.util.List;

import org.qinglian.platform.Flash;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Role;
import org.qinglian.platform.Scope;
import org.qinglian.platform.Scopes;
import org.qinglian.platform.UserAccounts;
import org.qinglian.platform.UserAccounts.AccountException;
import org.qinglian.platform.UserAccounts.NewUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's user management, within the administrator's jurisdiction: new users
 * (who choose their own password at first sign-in), changes, password resets.
 */
@Controller
class UserAdminPages {

	/** A user as the forms post it. */
	record UserForm(String username, String displayName, String password, String role, String regionCode,
			String personId) {
	}

	private final UserAccounts users;

	private final Registry registry;

	private final Scopes scopes;

	UserAdminPages(UserAccounts users, Registry registry, Scopes scopes) {
		this.users = users;
		this.registry = registry;
		this.scopes = scopes;
	}

	@GetMapping("/admin/users")
	String list(Model model) {
		model.addAttribute("users", users.list());
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("regions", registry.regionsUnder(Scope.prefixOf(scopes.current().regionCode())));
		return "platform/users";
	}

	@PostMapping("/admin/users")
	String create(@ModelAttribute UserForm form, RedirectAttributes redirect) {
		return answer(redirect, "users.saved", form.username(), () -> users.create(new NewUser(trim(form.username()),
				form.displayName(), form.password(), role(form.role()), form.regionCode(), form.personId(), true)));
	}

	@PostMapping("/admin/users/edit")
	String update(@ModelAttribute UserForm form, RedirectAttributes redirect) {
		return answer(redirect, "users.updated", form.username(), () -> users.update(form.username(),
				new UserAccounts.Change(form.displayName(), role(form.role()), form.regionCode(), form.personId())));
	}

	@PostMapping("/admin/users/{username}/password")
	String reset(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
		return answer(redirect, "users.resetDone", username, () -> users.resetPassword(username, password));
	}

	@PostMapping("/admin/users/{username}/enabled")
	String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
		return answer(redirect, "users.updated", username, () -> users.setEnabled(username, enabled));
	}

	private static String answer(RedirectAttributes redirect, String doneKey, String username, Runnable action) {
		try {
			action.run();
			Flash.notice(redirect, doneKey, username);
		}
		catch (AccountException ex) {
			Flash.problem(redirect, ex.key(), ex.args());
		}
		return "redirect:/admin/users";
	}

	private static String trim(String s) {
		return s == null ? null : s.strip();
	}

	private static Role role(String code) {
		return Arrays.stream(Role.values())
			.filter(r -> r.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AccountException("role", "role: '" + code + "' is not a role"));
	}

}
