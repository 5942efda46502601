package org.qinglian.assets.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;
import org.qinglian.SampleCounty;
import org.qinglian.platform.Role;

import org.springframework.test.context.TestPropertySource;

/** A village's books over REST: newest first, bounded, scoped and audited. */
@TestPropertySource(properties = "qinglian.test.database=scoping")
class AssetsApiTests extends PageTest {

	static final String VILLAGE = "330683101201";

	@BeforeEach
	void county() {
		county.loaded()
			.withUser("ganlin", Role.TOWNSHIP_STAFF, SampleCounty.GANLIN)
			.withUser("changle", Role.TOWNSHIP_STAFF, SampleCounty.CHANGLE);
	}

	@Test
	void aVillagesVouchersComeNewestFirstWithTheirFieldsAndTheReadIsAudited() {
		String newest = jdbc
			.sql("select voucher_id from ast_voucher where region_code = ? order by booked_on desc, voucher_id limit 1")
			.param(VILLAGE)
			.query(String.class)
			.single();
		long before = audited();
		assertThat(mvc.get().uri("/api/v1/regions/" + VILLAGE + "/vouchers?limit=2").with(county.signedIn("ganlin")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.length()", n -> assertThat(n).asNumber().isEqualTo(2))
			.hasPathSatisfying("$[0].voucherId", id -> assertThat(id).asString().isEqualTo(newest))
			.hasPathSatisfying("$[0].regionCode", r -> assertThat(r).asString().isEqualTo(VILLAGE))
			.hasPathSatisfying("$[0].amount", a -> assertThat(a).isNotNull());
		assertThat(audited()).isEqualTo(before + 1);
	}

	@Test
	void anotherTownshipsVillageIsNotFoundAndNothingIsAudited() {
		long before = audited();
		assertThat(mvc.get().uri("/api/v1/regions/" + VILLAGE + "/subsidies").with(county.signedIn("changle")))
			.hasStatus(404);
		assertThat(audited()).isEqualTo(before);
	}

	long audited() {
		return jdbc.sql("select count(*) from plt_audit_log where action like 'api_view_%'").query(Long.class).single();
	}

}
