package org.qinglian.assessment;

import java.math.BigDecimal;
import java.util.List;

/**
 * The creation standards (创建标准): aspects and their items, each with its weight and how it
 * is scored. Everyone signed in among supervision staff reads them; the county's
 * administrators edit them, audited.
 */
public interface Standards {

	List<Aspect> aspects();

	/** Changes an item's names, weight, target or whether it still counts. */
	void change(String itemCode, ItemChange change);

	/** Adds an item to an aspect. */
	void add(NewItem item);

	record ItemChange(String nameZh, String nameEn, BigDecimal weight, BigDecimal target, Boolean retired) {
	}

	record NewItem(String aspectCode, String itemCode, String nameZh, String nameEn, BigDecimal weight, String method,
			String metric, BigDecimal target) {
	}

	record Item(String code, String aspectCode, int seq, String nameZh, String nameEn, BigDecimal weight, String method,
			Metric metric, BigDecimal target, boolean retired) {

		public boolean data() {
			return "data".equals(method);
		}

	}

	record Aspect(String code, String nameZh, String nameEn, List<Item> items) {

		public BigDecimal weight() {
			return items.stream().filter(i -> !i.retired()).map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

	}

}
