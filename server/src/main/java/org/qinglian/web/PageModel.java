package org.qinglian.web;

import org.qinglian.platform.Role;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Arrays;

/** What every page's header needs to know. */
@ControllerAdvice
class PageModel {

	@ModelAttribute("signedIn")
	boolean signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
	}

	@ModelAttribute("canSupervise")
	boolean canSupervise() {
		return can(Role.Permission.READ_SUPERVISION);
	}

	@ModelAttribute("canRaise")
	boolean canRaise() {
		return can(Role.Permission.RAISE_MATTERS);
	}

	@ModelAttribute("canKeepBooks")
	boolean canKeepBooks() {
		return can(Role.Permission.KEEP_BOOKS);
	}

	@ModelAttribute("canTakeOrders")
	boolean canTakeOrders() {
		return can(Role.Permission.TAKE_ORDERS);
	}

	@ModelAttribute("canRunNetwork")
	boolean canRunNetwork() {
		return can(Role.Permission.RUN_NETWORK);
	}

	@ModelAttribute("isAuditor")
	boolean isAuditor() {
		return can(Role.Permission.READ_AUDIT);
	}

	private static boolean can(Role.Permission permission) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities()
			.stream()
			.anyMatch(a -> Arrays.stream(Role.values())
				.anyMatch(r -> r.can(permission) && a.getAuthority().equals("ROLE_" + r.name())));
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.COUNTY_ADMIN.name()));
	}

}
