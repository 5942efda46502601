package org.qinglian.intake.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qinglian.intake.IntakeSettings;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/** The public intake's limit per address. */
class RateLimitTests {

	static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		return request;
	}

	@Test
	void anAddressOverItsReportsAMinuteIsRefusedAndOthersAreNot() {
		RateLimit limit = new RateLimit(new IntakeSettings(2, 2000, 1024, 5));
		limit.report(from("10.0.0.1"));
		limit.report(from("10.0.0.1"));
		assertThatThrownBy(() -> limit.report(from("10.0.0.1"))).isInstanceOf(ResponseStatusException.class)
			.hasMessageContaining("429");
		assertThatCode(() -> limit.report(from("10.0.0.2"))).doesNotThrowAnyException();
		// following is allowed ten times as often
		for (int i = 0; i < 20; i++) {
			limit.follow(from("10.0.0.1"));
		}
		assertThatThrownBy(() -> limit.follow(from("10.0.0.1"))).isInstanceOf(ResponseStatusException.class);
	}

	@Test
	void zeroTurnsTheLimitOff() {
		RateLimit limit = new RateLimit(new IntakeSettings(0, 2000, 1024, 5));
		for (int i = 0; i < 1000; i++) {
			limit.report(from("10.0.0.1"));
		}
	}

}
