package org.qinglian.jurisdiction.internal;

import java.util.List;
import java.util.Optional;

import org.qinglian.platform.Registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The platform's view of the registry, answered from the jurisdiction's tables. */
@Component
class JdbcRegistry implements Registry {

	private final JdbcClient jdbc;

	JdbcRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> regionName(String regionCode) {
		return jdbc.sql("select name from jur_region where region_code = ?")
			.param(regionCode)
			.query(String.class)
			.optional();
	}

	@Override
	public List<String> counties() {
		return jdbc.sql("select region_code from jur_region where level = 'county' order by region_code")
			.query(String.class)
			.list();
	}

	@Override
	public List<RegionName> regionsUnder(String prefix) {
		return jdbc
			.sql("select region_code as code, name from jur_region where region_code like ? order by region_code")
			.param(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query(RegionName.class)
			.list();
	}

	@Override
	public boolean personExists(String personId) {
		return jdbc.sql("select exists (select 1 from jur_person where person_id = ?)")
			.param(personId)
			.query(Boolean.class)
			.single();
	}

}
