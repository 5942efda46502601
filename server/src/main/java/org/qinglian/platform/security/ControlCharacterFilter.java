package org.qinglian.platform.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose path or fields hold a NUL or another control character (other than line
 * breaks and tabs in fields) is refused with 400 before anything reads it: no value of
 * the platform may hold one, and PostgreSQL refuses NUL outright.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path;
		try {
			path = URLDecoder.decode(request.getRequestURI().replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		boolean bad = controls(path, false);
		if (!bad) {
			for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
				bad |= controls(e.getKey(), false);
				for (String v : e.getValue()) {
					bad |= controls(v, true);
				}
			}
		}
		if (bad) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean controls(String s, boolean text) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == 0 || (c < ' ' && !(text && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

}
