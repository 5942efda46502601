package org.qinglian.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.qinglian.platform.FileTypes;

import org.junit.jupiter.api.Test;

/**
 * The deadlines of a report, day by day, and the forms a receipt code may be typed in.
 */
class ReportClockTests {

	static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);

	@Test
	void aNewReportIsAcknowledgedWithinFifteenDays() {
		ReportClock c = new ReportClock(MAY_1, null, null, null, null, null, null);
		assertThat(c.status()).isEqualTo("received");
		assertThat(c.due()).isEqualTo("acknowledge");
		assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 5, 16));
		assertThat(c.overdue(LocalDate.of(2026, 5, 16))).isFalse();
		assertThat(c.overdue(LocalDate.of(2026, 5, 17))).isTrue();
	}

	@Test
	void anAcknowledgedReportIsConcludedWithinSixtyDaysOrAsExtended() {
		ReportClock c = new ReportClock(MAY_1, MAY_1.plusDays(3), null, null, null, null, null);
		assertThat(c.due()).isEqualTo("conclude");
		assertThat(c.dueOn()).isEqualTo(LocalDate.of(2026, 6, 30));
		ReportClock extended = new ReportClock(MAY_1, MAY_1.plusDays(3), LocalDate.of(2026, 7, 30), null, null, null,
				null);
		assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2026, 7, 30));
		assertThat(extended.overdue(LocalDate.of(2026, 7, 1))).isFalse();
	}

	@Test
	void anAnswerWaitsForItsRatingAndDissatisfactionOpensAThirtyDayReview() {
		ReportClock answered = new ReportClock(MAY_1, MAY_1, null, MAY_1.plusDays(20), null, null, null);
		assertThat(answered.status()).isEqualTo("answered");
		assertThat(answered.open()).isFalse();
		assertThat(answered.due()).isNull();
		ReportClock review = new ReportClock(MAY_1, MAY_1, null, MAY_1.plusDays(20), false, MAY_1.plusDays(25), null);
		assertThat(review.status()).isEqualTo("under_review");
		assertThat(review.open()).isTrue();
		assertThat(review.dueOn()).isEqualTo(MAY_1.plusDays(55));
		ReportClock reviewed = new ReportClock(MAY_1, MAY_1, null, MAY_1.plusDays(20), false, MAY_1.plusDays(25),
				MAY_1.plusDays(40));
		assertThat(reviewed.status()).isEqualTo("reviewed");
		assertThat(reviewed.open()).isFalse();
		assertThat(new ReportClock(MAY_1, null, null, MAY_1, true, null, null).status()).isEqualTo("closed");
	}

	@Test
	void aReceiptCodeIsTwentyDigitsWithOrWithoutSpaces() {
		String code = "12345678901234567890";
		assertThat(ReceiptCodes.normalise(code)).isEqualTo(code);
		assertThat(ReceiptCodes.normalise("1234 5678 9012 3456 7890")).isEqualTo(code);
		assertThat(ReceiptCodes.normalise("1234-5678-9012-3456-7890")).isEqualTo(code);
		assertThat(ReceiptCodes.normalise("1234567890123456789")).isNull();
		assertThat(ReceiptCodes.normalise("123456789012345678901")).isNull();
		assertThat(ReceiptCodes.normalise("1234567890123456789O")).isNull();
		assertThat(ReceiptCodes.normalise("１２３４")).isNull();
		assertThat(ReceiptCodes.normalise(null)).isNull();
		assertThat(ReceiptCodes.grouped(code)).isEqualTo("1234 5678 9012 3456 7890");
	}

	@Test
	void attachmentsAreTypedByTheirFirstBytes() {
		assertThat(FileTypes.mediaType(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.isEqualTo("image/jpeg");
		assertThat(FileTypes.mediaType("%PDF-1.7".getBytes())).isEqualTo("application/pdf");
		assertThat(FileTypes.mediaType("<html>".getBytes())).isNull();
		assertThat(FileTypes.mediaType(new byte[0])).isNull();
	}

}
