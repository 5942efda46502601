package org.qinglian.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a signed-in user must do before anything else: sign in again when the session is
 * older than its absolute limit, however active it was; choose a new password when an
 * administrator set theirs.
 */
class AccountStateFilter extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private final Duration maxAge;

	/** When an account last changed, by username; a session begun before it ends. */
	private final Function<String, Instant> changedAt;

	AccountStateFilter(Duration maxAge, Function<String, Instant> changedAt) {
		this.maxAge = maxAge;
		this.changedAt = changedAt;
	}

	/** Ends the session: sign in again (pages), or 401 (the API). */
	private static void signOut(HttpServletRequest request, HttpServletResponse response, HttpSession session,
			boolean api) throws IOException {
		session.invalidate();
		SecurityContextHolder.clearContext();
		if (api) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?expired");
		}
	}

	/** The request's path within the application. */
	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		boolean api = path.startsWith("/api/");
		HttpSession session = request.getSession(false);
		if (session != null && System.currentTimeMillis() - session.getCreationTime() > maxAge.toMillis()) {
			signOut(request, response, session, api);
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && auth != null && auth.getPrincipal() instanceof StaffUser user) {
			Instant changed = changedAt.apply(user.username());
			// the account changed (or went) since it signed in: the database's own value,
			// read
			// with the password, against its value now (no clocks compared)
			if (changed == null || !changed.equals(user.changedAt())) {
				signOut(request, response, session, api);
				return;
			}
		}
		if (auth != null && auth.getPrincipal() instanceof StaffUser user && user.mustChangePassword()) {
			boolean allowed = path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.startsWith("/css/")
					|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/error");
			if (!allowed) {
				if (api) {
					response.sendError(HttpServletResponse.SC_FORBIDDEN, "The password must be changed first");
				}
				else {
					response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
