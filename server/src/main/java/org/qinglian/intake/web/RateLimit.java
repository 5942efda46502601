package org.qinglian.intake.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.qinglian.intake.IntakeSettings;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public intake's rate limit per address, applied first of all filters, before
 * anything reads the request's body: {@code qinglian.intake.rate-limit} reports a minute
 * (a report, or a message with files), ten times that many follow-ups by receipt code; 0
 * turns it off. Paths are matched as the application matches them (decoded, without path
 * parameters or a trailing slash). An IPv6 address counts by its /64, which one
 * subscriber usually holds whole. Addresses are held in memory only, for the minute they
 * count in, and are written nowhere. A JSON report is at most {@value #MAX_JSON_BYTES}
 * bytes: refused unread when its length says more, cut off while it is read when it is
 * sent in chunks.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RateLimit extends OncePerRequestFilter {

	static final int MAX_JSON_BYTES = 64 * 1024;

	private final int perMinute;

	private final Cache<String, AtomicInteger> counts = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(1_000_000)
		.build();

	RateLimit(IntakeSettings settings) {
		this.perMinute = settings.rateLimit();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		boolean post = "POST".equalsIgnoreCase(request.getMethod());
		String bucket = null;
		if (post && (path.equals("/api/v1/public/reports") || path.equals("/public/report")
				|| path.equals("/public/follow/message"))) {
			bucket = "r";
		}
		else if ((post && path.startsWith("/public/follow")) || path.startsWith("/api/v1/public/reports/")) {
			bucket = "f";
		}
		if (bucket == null) {
			chain.doFilter(request, response);
			return;
		}
		boolean json = post && path.startsWith("/api/");
		if (json && request.getContentLengthLong() > MAX_JSON_BYTES) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "A report is at most " + MAX_JSON_BYTES + " bytes");
			return;
		}
		if (!take(bucket, request.getRemoteAddr())) {
			refuse(response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from this address: try again in a minute");
			return;
		}
		chain.doFilter(json ? new BoundedBody(request, MAX_JSON_BYTES) : request, response);
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\"}");
	}

	/** Counts a request of the bucket from the address; false when over the limit. */
	boolean take(String bucket, String address) {
		if (perMinute == 0) {
			return true;
		}
		int limit = bucket.equals("r") ? perMinute : perMinute * 10;
		return counts.get(bucket + ":" + network(address), k -> new AtomicInteger()).incrementAndGet() <= limit;
	}

	/** An IPv4 address itself; an IPv6 address's /64. */
	static String network(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length == 16) {
				return HexFormat.of().formatHex(bytes, 0, 8) + "/64";
			}
		}
		catch (UnknownHostException ex) {
			// not an address literal: count it as it is
		}
		return address;
	}

	/** A request whose body may not be longer than a bound: reading more fails. */
	static final class BoundedBody extends HttpServletRequestWrapper {

		private final long max;

		BoundedBody(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++read > max) {
						throw new IOException("A report is at most " + max + " bytes");
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = in.read(buffer, off, len);
					if (n > 0) {
						read += n;
						if (read > max) {
							throw new IOException("A report is at most " + max + " bytes");
						}
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
