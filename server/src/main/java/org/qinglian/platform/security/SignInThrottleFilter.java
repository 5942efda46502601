package org.qinglian.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the form's POST, or HTTP Basic credentials on the API) while its
 * account or address is locked, before the password is even checked.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	/**
	 * The very matcher the form login uses: an encoded path ({@code /log%69n}) is a
	 * sign-in too.
	 */
	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final SignInAttempts attempts;

	SignInThrottleFilter(SignInAttempts attempts) {
		this.attempts = attempts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = SIGN_IN.matches(request);
		String basic = basicUsername(request);
		if (!form && basic == null) {
			chain.doFilter(request, response);
			return;
		}
		// the name as the form login reads it (trimmed), so that "admin " is admin
		String username = form ? String.valueOf(request.getParameter("username")).trim() : basic;
		Duration locked = attempts.locked(username, request.getRemoteAddr());
		if (locked.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long minutes = Math.max(1, (locked.getSeconds() + 59) / 60);
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
		}
		else {
			response.setHeader("Retry-After", Long.toString(locked.getSeconds() + 1));
			response.setContentType("application/problem+json");
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.getWriter()
				.write("{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"Too many failed sign-ins: try again in "
						+ minutes + " minute(s)\"}");
		}
	}

	private static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		// as Spring's BasicAuthenticationConverter reads it: "Basic" and any one
		// character
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic", 0, 5)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0 ? decoded : decoded.substring(0, colon)).trim();
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
