package org.qinglian.platform;

import java.util.List;
import java.util.Set;

/**
 * One column of a QDX file and the database column it is stored in.
 *
 * @param name the column name in the CSV header
 * @param dbColumn the column of the module's table
 * @param type what the values are, and so how they are checked
 * @param required whether an empty cell is an error
 * @param vocabulary the allowed codes, for {@link ColumnType#CODE}
 * @param references the files whose key this column names (any one of them), empty if
 * none
 * @param encrypted whether the value is personal data stored encrypted (the table column
 * holds the cipher)
 */
public record ExchangeColumn(String name, String dbColumn, ColumnType type, boolean required, Set<String> vocabulary,
		List<String> references, boolean encrypted) {

	public ExchangeColumn {
		vocabulary = Set.copyOf(vocabulary);
		references = List.copyOf(references);
	}

	public boolean isList() {
		return type == ColumnType.ID_LIST || type == ColumnType.REGION_LIST;
	}

	/** The SQL type a staged text value is cast to on its way into the table. */
	public String sqlType() {
		return switch (type) {
			case DATE -> "date";
			case MONEY, DECIMAL -> "numeric";
			case INTEGER -> "integer";
			case BOOLEAN -> "boolean";
			default -> "text";
		};
	}

}
