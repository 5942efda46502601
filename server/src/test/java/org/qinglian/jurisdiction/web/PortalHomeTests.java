package org.qinglian.jurisdiction.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qinglian.PageTest;

import org.springframework.test.context.TestPropertySource;

/** The portal's home: the county's townships and their villages, for everyone. */
@TestPropertySource(properties = "qinglian.test.database=scoping")
class PortalHomeTests extends PageTest {

	@BeforeEach
	void county() {
		county.loaded();
	}

	@Test
	void theHomeListsEveryTownshipWithItsVillagesAndNoPerson() {
		assertThat(mvc.get().uri("/")).hasStatusOk()
			.bodyText()
			.contains("甘霖镇")
			.contains("长乐镇")
			.contains("/public/villages/330683101201")
			.contains("/public/villages/330683102201")
			.doesNotContain("/staff/people/");
	}

	@Test
	void aVillagerFindsAPlaceByItsNameOrItsPinyin() {
		String village = jdbc.sql("select name from jur_region where region_code = '330683102201'")
			.query(String.class)
			.single();
		// by characters: the township and all its villages, no other township
		assertThat(mvc.get().uri("/?q=长乐")).hasStatusOk()
			.bodyText()
			.contains("/public/villages/330683102201")
			.doesNotContain("/public/villages/330683101201");
		// by the initials of the township (changle: cl), typed in capitals with a space
		assertThat(mvc.get().uri("/").param("q", "C L")).hasStatusOk()
			.bodyText()
			.contains("/public/villages/330683102201")
			.doesNotContain("/public/villages/330683101201");
		// a village by its own name: only it
		assertThat(mvc.get().uri("/").param("q", village)).hasStatusOk()
			.bodyText()
			.contains("/public/villages/330683102201");
		assertThat(mvc.get().uri("/").param("q", "zzzz")).hasStatusOk()
			.bodyText()
			.contains("没有找到“zzzz”")
			.doesNotContain("/public/villages/");
	}

}
