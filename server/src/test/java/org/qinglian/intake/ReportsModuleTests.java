package org.qinglian.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.qinglian.ModuleTest;
import org.qinglian.intake.Reports.ReportView;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Intake on its own (with the platform and the jurisdiction only): the reports naming a
 * person, for supervision staff of the reports' township, never with who made them.
 */
@ModuleTest
class ReportsModuleTests {

	@Autowired
	Reports reports;

	@Autowired
	JdbcClient jdbc;

	void report(String id, String region, String unit) {
		jdbc.sql("""
				insert into int_report (report_id, received_on, channel, kind, anonymous, reporter_enc, subject_id,
				                        region_code, unit_code, text)
				values (?, date '2020-03-01', 'web', 'accusation', false, 'sealed-bytes', 'P-SUBJECT', ?, ?, '反映')""")
			.params(id, region, unit)
			.update();
	}

	@Test
	@WithMockUser(username = "intake-staff")
	void aReportNamingAPersonIsListedInItsTownshipWithoutItsReporter() {
		jdbc.sql("insert into plt_user values ('intake-staff', 'staff', 'x', 'township_staff', ?, null, true, now())")
			.param("330683101000")
			.update();
		report("R-OWN", "330683101201", "330683101000");
		report("R-OTHER", "330683102201", "330683102000");
		assertThat(reports.naming("P-SUBJECT")).extracting(ReportView::reportId).containsExactly("R-OWN");
		assertThat(Arrays.stream(ReportView.class.getRecordComponents()).map(RecordComponent::getName))
			.noneMatch(name -> name.toLowerCase().contains("reporter") || name.toLowerCase().contains("text"));
	}

}
