package org.qinglian.assets.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

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
		Map<String, Object> newest = jdbc.sql("""
				select voucher_id, booked_on::text, direction, amount::text, method, category, disclosed_on::text
				from ast_voucher where region_code = ? order by booked_on desc, voucher_id limit 1""")
			.param(VILLAGE)
			.query()
			.singleRow();
		long before = audited();
		assertThat(mvc.get().uri("/api/v1/regions/" + VILLAGE + "/vouchers?limit=2").with(county.signedIn("ganlin")))
			.hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.length()", n -> assertThat(n).asNumber().isEqualTo(2))
			.hasPathSatisfying("$[0].voucherId", v -> assertThat(v).asString().isEqualTo(newest.get("voucher_id")))
			.hasPathSatisfying("$[0].regionCode", v -> assertThat(v).asString().isEqualTo(VILLAGE))
			.hasPathSatisfying("$[0].bookedOn", v -> assertThat(v).asString().isEqualTo(newest.get("booked_on")))
			.hasPathSatisfying("$[0].direction", v -> assertThat(v).asString().isEqualTo(newest.get("direction")))
			.hasPathSatisfying("$[0].amount",
					v -> assertThat(v).asNumber()
						.satisfies(n -> assertThat(new BigDecimal(n.toString()))
							.isEqualByComparingTo((String) newest.get("amount"))))
			.hasPathSatisfying("$[0].method", v -> assertThat(v).asString().isEqualTo(newest.get("method")))
			.hasPathSatisfying("$[0].category", v -> assertThat(v).asString().isEqualTo(newest.get("category")))
			.hasPathSatisfying("$[0].disclosedOn", v -> assertThat(v).asString().isEqualTo(newest.get("disclosed_on")));
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
