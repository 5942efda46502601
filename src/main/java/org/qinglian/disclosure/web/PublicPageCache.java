package org.qinglian.disclosure.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qinglian.disclosure.RecordsPublished;
import org.qinglian.platform.BundleImported;
import org.qinglian.powerlist.CatalogueChanged;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public village pages as they were last rendered, for everyone who is not signed in:
 * a village page is read far more often than anything in it changes, and it draws the
 * catalogue's flowcharts and a village's books. The cache is emptied when records are
 * published, the catalogue is edited or a bundle is imported (after the change commits).
 * Only a complete 200 answer without a cookie is kept, keyed by the address and the
 * reader's language; it runs after Spring Security, so every answer keeps its headers.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCache {

	/** The most bytes of pages kept. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	private final Cache<String, Page> pages = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((String key, Page page) -> key.length() + page.body().length)
		.build();

	record Page(String contentType, String disposition, byte[] body) {
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicPageCacheFilter(LocaleResolver locales) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new CachingFilter(locales));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.addUrlPatterns("/public/villages/*", "/public/records/*");
		return registration;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordsPublished event) {
		pages.invalidateAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CatalogueChanged event) {
		pages.invalidateAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(BundleImported event) {
		pages.invalidateAll();
	}

	private final class CachingFilter extends OncePerRequestFilter {

		private final LocaleResolver locales;

		CachingFilter(LocaleResolver locales) {
			this.locales = locales;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!cacheable(request)) {
				chain.doFilter(request, response);
				return;
			}
			Locale locale = locales.resolveLocale(request);
			String key = request.getRequestURI() + "?" + request.getQueryString() + "|" + locale.toLanguageTag();
			Page page = pages.getIfPresent(key);
			if (page != null) {
				response.setContentType(page.contentType());
				if (page.disposition() != null) {
					response.setHeader("Content-Disposition", page.disposition());
				}
				response.setContentLength(page.body().length);
				if (!"HEAD".equals(request.getMethod())) {
					response.getOutputStream().write(page.body());
				}
				return;
			}
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == 200 && wrapper.getContentType() != null && !response.containsHeader("Set-Cookie")
					&& "GET".equals(request.getMethod())) {
				pages.put(key, new Page(wrapper.getContentType(), wrapper.getHeader("Content-Disposition"),
						wrapper.getContentAsByteArray()));
			}
			wrapper.copyBodyToResponse();
		}

		private static boolean cacheable(HttpServletRequest request) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return false;
			}
			// a language chosen sets its cookie: that answer is not everyone's
			if (request.getParameter("lang") != null) {
				return false;
			}
			Authentication who = SecurityContextHolder.getContext().getAuthentication();
			return who == null || who instanceof AnonymousAuthenticationToken;
		}

	}

}
