package org.qinglian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.ServletException;

import org.qinglian.platform.Flash;
import org.qinglian.platform.UserAccounts;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's own account: choosing a new password (required at the first sign-in
 * after an administrator set it). After a change the user signs in again.
 */
@Controller
class AccountController {

	/** The form as posted. */
	record PasswordForm(String currentPassword, String newPassword, String repeatPassword) {
	}

	private final UserAccounts users;

	AccountController(UserAccounts users) {
		this.users = users;
	}

	@GetMapping("/account/password")
	String form() {
		return "platform/password";
	}

	@PostMapping("/account/password")
	String change(@ModelAttribute PasswordForm form, HttpServletRequest request, RedirectAttributes redirect)
			throws ServletException {
		if (form.newPassword() == null || !form.newPassword().equals(form.repeatPassword())) {
			Flash.problem(redirect, "account.password.repeat");
			return "redirect:/account/password";
		}
		try {
			users.changeOwnPassword(form.currentPassword(), form.newPassword());
		}
		catch (UserAccounts.AccountException ex) {
			Flash.problem(redirect, ex.key(), ex.args());
			return "redirect:/account/password";
		}
		request.logout();
		return "redirect:/login?changed";
	}

}
