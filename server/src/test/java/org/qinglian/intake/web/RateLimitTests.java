package org.qinglian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qinglian.intake.IntakeSettings;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The public intake's limit per address, as the filter in front of everything applies it.
 */
class RateLimitTests {

	static int send(RateLimit limit, String method, String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		// the container's decoded path within the application (the dispatcher is at /)
		request.setServletPath(path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		limit.doFilter(request, response, chain);
		return chain.getRequest() == null ? response.getStatus() : 200;
	}

	@Test
	void anAddressOverItsReportsAMinuteIsRefusedAndOthersAreNot() throws Exception {
		RateLimit limit = new RateLimit(new IntakeSettings(2, 2000, 1024, 5));
		assertThat(send(limit, "POST", "/api/v1/public/reports", "10.0.0.1")).isEqualTo(200);
		assertThat(send(limit, "POST", "/public/report", "10.0.0.1")).isEqualTo(200);
		assertThat(send(limit, "POST", "/api/v1/public/reports", "10.0.0.1")).isEqualTo(429);
		assertThat(send(limit, "POST", "/public/follow/message", "10.0.0.1"))
			.as("a message with files counts as a report")
			.isEqualTo(429);
		assertThat(send(limit, "POST", "/api/v1/public/reports", "10.0.0.2")).isEqualTo(200);
		// following is allowed ten times as often
		for (int i = 0; i < 20; i++) {
			assertThat(send(limit, "GET", "/api/v1/public/reports/123", "10.0.0.1")).isEqualTo(200);
		}
		assertThat(send(limit, "POST", "/public/follow", "10.0.0.1")).isEqualTo(429);
		// a trailing slash is the same path
		assertThat(send(limit, "POST", "/public/report/", "10.0.0.1")).isEqualTo(429);
		// staff pages and the rest are not counted, even from a limited address
		assertThat(send(limit, "POST", "/staff/reports", "10.0.0.1")).isEqualTo(200);
		assertThat(send(limit, "GET", "/public/report", "10.0.0.1")).isEqualTo(200);
	}

	@Test
	void anIpv6AddressCountsByItsNetwork() throws Exception {
		RateLimit limit = new RateLimit(new IntakeSettings(1, 2000, 1024, 5));
		assertThat(send(limit, "POST", "/api/v1/public/reports", "2001:db8:1:2::1")).isEqualTo(200);
		assertThat(send(limit, "POST", "/api/v1/public/reports", "2001:db8:1:2::ffff")).isEqualTo(429);
		assertThat(send(limit, "POST", "/api/v1/public/reports", "2001:db8:1:3::1")).isEqualTo(200);
	}

	@Test
	void anOversizedJsonReportIsRefusedUnread() throws Exception {
		RateLimit limit = new RateLimit(new IntakeSettings(0, 2000, 1024, 5));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/public/reports");
		request.setServletPath("/api/v1/public/reports");
		request.setContent(new byte[RateLimit.MAX_JSON_BYTES + 1]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		limit.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(413);
	}

	@Test
	void aChunkedJsonReportIsCutOffAsItIsRead() throws Exception {
		RateLimit limit = new RateLimit(new IntakeSettings(0, 2000, 1024, 5));
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/public/reports");
		request.setServletPath("/api/v1/public/reports");
		request.setContent(new byte[RateLimit.MAX_JSON_BYTES + 10]);
		request.addHeader("Transfer-Encoding", "chunked");
		MockHttpServletResponse response = new MockHttpServletResponse();
		long[] read = { 0 };
		Exception[] failure = { null };
		limit.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}
		}, response, (req, res) -> {
			try {
				read[0] = req.getInputStream().readAllBytes().length;
			}
			catch (java.io.IOException ex) {
				failure[0] = ex;
			}
		});
		assertThat(failure[0]).as("read %d bytes", read[0]).hasMessageContaining("at most");
	}

	@Test
	void zeroTurnsTheLimitOff() throws Exception {
		RateLimit limit = new RateLimit(new IntakeSettings(0, 2000, 1024, 5));
		for (int i = 0; i < 1000; i++) {
			assertThat(send(limit, "POST", "/api/v1/public/reports", "10.0.0.1")).isEqualTo(200);
		}
	}

}
