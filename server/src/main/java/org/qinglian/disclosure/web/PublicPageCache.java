package org.qinglian.disclosure.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qinglian.disclosure.RecordsPublished;
import org.qinglian.network.SupervisionListChanged;
import org.qinglian.platform.Broadcasts;
import org.qinglian.platform.BundleImported;
import org.qinglian.powerlist.CatalogueChanged;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public village pages as they were last rendered, for everyone who is not signed in:
 * a village page is read far more often than anything in it changes, and it draws the
 * catalogue's flowcharts and a village's books. The cache is emptied when records are
 * published, the catalogue is edited or a bundle is imported (after the change commits),
 * on this instance at once and on every other instance of the platform on the same
 * database by a {@link Broadcasts broadcast} sent with the change. It stands before
 * Spring Security and answers only requests that carry no session and no credentials
 * (nobody is signed in on them); what it keeps is a complete 200 answer to such a
 * request, after the security filters wrote its headers (CSP and the others), without a
 * cookie, keyed by the address and the reader's language, headers and all.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCache {

	/** The most bytes of pages kept. */
	static final long MAX_BYTES = 64L * 1024 * 1024;

	/** Headers of an answer that are not the page's own. */
	static final Set<String> KEPT_OUT = Set.of("set-cookie", "date", "content-length", "transfer-encoding");

	private final Cache<String, Page> pages = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.weigher((String key, Page page) -> key.length() + page.body().length + 1024)
		.build();

	private final AtomicLong generation = new AtomicLong();

	static final String TOPIC = "public-pages";

	private final Broadcasts broadcasts;

	PublicPageCache(Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
		broadcasts.listen(TOPIC, this::clear);
	}

	record Page(int status, Map<String, List<String>> headers, byte[] body) {
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicPageCacheFilter(LocaleResolver locales) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new CachingFilter(locales));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.addUrlPatterns("/public/villages/*", "/public/records/*");
		return registration;
	}

	/** Every page forgotten, and every page being drawn now not kept. */
	private void clear() {
		generation.incrementAndGet();
		pages.invalidateAll();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(RecordsPublished event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CatalogueChanged event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SupervisionListChanged event) {
		clear();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(BundleImported event) {
		clear();
	}

	/**
	 * The other instances hear of the change when it commits (the broadcast is sent in
	 * its transaction); this one has cleared at once already.
	 */
	@TransactionalEventListener(classes = { RecordsPublished.class, CatalogueChanged.class,
			SupervisionListChanged.class, BundleImported.class }, phase = TransactionPhase.BEFORE_COMMIT,
			fallbackExecution = true)
	void tellTheOthers() {
		broadcasts.send(TOPIC);
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
			// the pages read no parameter but the month: others neither make a page nor
			// flush one
			String key = request.getRequestURI() + "?" + request.getParameter("month") + "|" + locale.toLanguageTag();
			Page page = pages.getIfPresent(key);
			if (page != null) {
				response.setStatus(page.status());
				page.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
				response.setContentLength(page.body().length);
				if (!"HEAD".equals(request.getMethod())) {
					response.getOutputStream().write(page.body());
				}
				return;
			}
			long before = generation.get();
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == 200 && "GET".equals(request.getMethod())
					&& !response.containsHeader("Set-Cookie") && request.getSession(false) == null) {
				Map<String, List<String>> headers = new LinkedHashMap<>();
				for (String name : response.getHeaderNames()) {
					if (!KEPT_OUT.contains(name.toLowerCase(Locale.ROOT))) {
						headers.put(name, List.copyOf(response.getHeaders(name)));
					}
				}
				if (wrapper.getContentType() != null && !headers.containsKey("Content-Type")) {
					headers.put("Content-Type", List.of(wrapper.getContentType()));
				}
				// a page drawn while records were published may be out of date: not kept
				if (generation.get() == before) {
					pages.put(key, new Page(200, headers, wrapper.getContentAsByteArray()));
				}
			}
			wrapper.copyBodyToResponse();
		}

		/**
		 * A request nobody is signed in on: no session, no credentials, no language being
		 * chosen (that answer sets a cookie).
		 */
		private static boolean cacheable(HttpServletRequest request) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return false;
			}
			// a sheet's QR code names the address it was asked at: drawn for each request
			if (request.getRequestURI().contains("/sheets/")) {
				return false;
			}
			if (request.getParameter("lang") != null || request.getHeader("Authorization") != null
					|| request.getRequestedSessionId() != null || request.getSession(false) != null) {
				return false;
			}
			return true;
		}

	}

}
