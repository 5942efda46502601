package org.qinglian.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.qinglian.ModuleTest;
import org.qinglian.platform.Registry;
import org.qinglian.platform.Registry.RegionName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jurisdiction on its own (with the platform): what the platform asks of the registry
 * through {@link Registry}, answered from the jurisdiction's tables.
 */
@ModuleTest
class RegistryModuleTests {

	@Autowired
	Registry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRegionsUnderAPrefixAreTheSubtreeInCodeOrderAndAWildcardIsNoWildcard() {
		jdbc.sql("""
				insert into jur_region (region_code, name, level, parent_code) values
				  ('330683000000', '嵊州市', 'county', null),
				  ('330683101000', '甘霖镇', 'township', '330683000000'),
				  ('330683101201', '东王村', 'village', '330683101000'),
				  ('330683102000', '长乐镇', 'township', '330683000000')""").update();
		assertThat(registry.regionsUnder("330683101")).extracting(RegionName::code, RegionName::name)
			.containsExactly(Tuple.tuple("330683101000", "甘霖镇"), Tuple.tuple("330683101201", "东王村"));
		// a prefix is taken as it is written: a wildcard in it matches nothing
		assertThat(registry.regionsUnder("3306831%")).isEmpty();
		assertThat(registry.regionsUnder("_")).isEmpty();
		assertThat(registry.counties()).containsExactly("330683000000");
		assertThat(registry.regionName("330683102000")).contains("长乐镇");
		assertThat(registry.personExists("P-NOBODY")).isFalse();
	}

}
