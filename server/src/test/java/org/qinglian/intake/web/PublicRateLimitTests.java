package org.qinglian.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;

import org.springframework.http.MediaType;

/**
 * The rate limit in the running application, at its default (5 reports a minute): the
 * sixth report from one address within the minute is refused with 429 before it is read.
 */
class PublicRateLimitTests extends PageTest {

	@Test
	void theSixthReportOfAMinuteFromOneAddressIsRefused() {
		int[] statuses = new int[6];
		for (int i = 0; i < 6; i++) {
			statuses[i] = mvc.post().uri("/api/v1/public/reports").with(request -> {
				request.setRemoteAddr("192.0.2.77");
				return request;
			})
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"nonsense\"}")
				.exchange()
				.getResponse()
				.getStatus();
		}
		assertThat(statuses).containsExactly(400, 400, 400, 400, 400, 429);
	}

}
