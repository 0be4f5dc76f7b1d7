package org.budgetledger.ledger.disclosure;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.events.ReferenceTable;
import org.budgetledger.ledger.importing.Sheet;
import org.budgetledger.ledger.importing.SheetFiles;
import org.budgetledger.web.ApiProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads last year's published tables from uploaded files (SPEC §15, reference) into {@link ReferenceTable}s, or
 * refuses them all, naming each fault by file, row and column: every table in its golden layout
 * ({@link ReferenceLayouts}), every amount a number, each table once, and no file that names another year or another
 * unit than the one it is for.
 *
 * <p>A CSV file holds one table, named by its file name ({@code T01.csv}, {@code …-2022-T03.csv}) or, but for T05
 * and T08 which share a layout, told by its header; a workbook holds one per sheet, named by the sheet
 * ({@code T01} or {@code 公开01表}) or told by its header. Amounts in 万元 have at most six decimals, in 元 at most
 * two; thousands separators ({@code 7,905.95}) are read; each amount is kept in 元, exactly.
 */
public final class ReferenceFiles {

    /** An uploaded file: its name as sent, and its bytes. */
    public record Upload(String name, byte[] content) {
    }

    /** The unit the files give their amounts in. */
    enum FileUnit {
        WANYUAN(6, BigDecimal.valueOf(10_000)), YUAN(2, BigDecimal.ONE);

        private final int decimalsMax;
        private final BigDecimal yuanEach;

        FileUnit(int decimalsMax, BigDecimal yuanEach) {
            this.decimalsMax = decimalsMax;
            this.yuanEach = yuanEach;
        }

        static FileUnit ofParameter(String value) {
            for (FileUnit unit : values()) {
                if (unit.name().equalsIgnoreCase(value)) {
                    return unit;
                }
            }
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "scale must be wanyuan or yuan",
                    List.of(new FieldError("scale", "wanyuan or yuan")));
        }
    }

    /** At most this many faults are listed: a wrong file has one on every row. */
    static final int ERRORS_MAX = 50;
    /** At most 15 integer digits of 元, as every amount of the ledger (SPEC §3). */
    private static final BigDecimal YUAN_MAX = new BigDecimal("999999999999999.99");
    private static final Pattern NUMBER = Pattern.compile("-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?");
    private static final Pattern TABLE_NAME = Pattern.compile("(?<![A-Za-z0-9])T0([1-9])(?![0-9])|公开0([1-9])表");
    private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

    private final String unit;
    private final int tablesYear;
    private final FileUnit fileUnit;
    /** Whether a code is a registered unit: a file named after one that is not this unit is another unit's. */
    private final Predicate<String> registeredUnit;
    private final List<FieldError> errors = new ArrayList<>();

    ReferenceFiles(String unit, int tablesYear, FileUnit fileUnit, Predicate<String> registeredUnit) {
        this.unit = unit;
        this.tablesYear = tablesYear;
        this.fileUnit = fileUnit;
        this.registeredUnit = registeredUnit;
    }

    /** The tables of the files, in the order T01 … T09, or a VALIDATION_FAILED naming every fault (up to 50). */
    List<ReferenceTable> read(List<Upload> uploads, String charset) {
        if (uploads.isEmpty()) {
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, "part file is required", List.of(new FieldError("file", "required")));
        }
        Map<String, ReferenceTable> tables = new LinkedHashMap<>();
        for (Upload upload : uploads) {
            String file = upload.name() == null || upload.name().isBlank() ? "file" : upload.name();
            checkOwner(file);
            for (SheetFiles.Named named : SheetFiles.read(upload.content(), charset)) {
                String where = named.name() == null ? file : file + " sheet " + named.name();
                Optional<String> table = tableOf(named.name() == null ? file : named.name(), named.sheet().header());
                if (table.isEmpty()) {
                    error(where, "no table of T01 … T09: name the " + (named.name() == null ? "file" : "sheet")
                            + " after its table (T01.csv, T05 …) or give it a table's golden header");
                    continue;
                }
                ReferenceTable read = table(where, table.get(), named.sheet());
                if (read != null && tables.putIfAbsent(read.table(), read) != null) {
                    error(where, read.table() + " is given twice");
                }
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + (errors.size() == ERRORS_MAX ? " or more" : "") + " faults in the files; the first: "
                    + errors.get(0).field() + ": " + errors.get(0).message();
            throw new ApiProblem(ProblemCode.VALIDATION_FAILED, detail, List.copyOf(errors));
        }
        return ReferenceLayouts.TABLES.stream().filter(tables::containsKey).map(tables::get).toList();
    }

    /** A file named for a year other than {@code tablesYear}, or after another registered unit, is not this reference. */
    private void checkOwner(String file) {
        Matcher year = YEAR.matcher(file);
        while (year.find()) {
            if (Integer.parseInt(year.group(1)) != tablesYear) {
                error(file, "the file is named for year " + year.group(1) + "; the reference holds the tables of "
                        + tablesYear + " (the year before the publication's)");
            }
        }
        int dash = file.indexOf('-');
        String named = dash > 0 ? file.substring(0, dash) : null;
        if (named != null && !named.equals(unit) && registeredUnit.test(named)) {
            error(file, "the file is named for unit " + named + ", not " + unit);
        }
    }

    private static Optional<String> tableOf(String name, List<String> header) {
        Matcher matcher = TABLE_NAME.matcher(name);
        if (matcher.find()) {
            return Optional.of("T0" + (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
        }
        return ReferenceLayouts.tableOfHeader(trimmedHeader(header));
    }

    private ReferenceTable table(String where, String table, Sheet sheet) {
        ReferenceLayouts.Layout layout = ReferenceLayouts.of(table).orElseThrow();
        List<String> expected = layout.header();
        List<String> header = trimmedHeader(sheet.header());
        if (!header.equals(expected)) {
            for (int column = 0; column < Math.max(header.size(), expected.size()); column++) {
                String found = column < header.size() ? header.get(column) : "nothing";
                String wanted = column < expected.size() ? expected.get(column) : "nothing";
                if (!found.equals(wanted)) {
                    error(where, "row 1, column " + letter(column) + ": " + table + " in its golden layout has " + wanted
                            + " there, not " + found + " (the columns are " + String.join(",", expected) + ")");
                    return null;
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            List<String> cells = new ArrayList<>(expected.size());
            for (int column = 0; column < Math.max(row.cells().size(), expected.size()); column++) {
                String cell = column < row.cells().size() ? row.cells().get(column) : null;
                cell = cell == null || cell.isBlank() ? null : cell.strip();
                if (column >= expected.size()) {
                    if (cell != null) {
                        error(where, "row " + row.number() + ", column " + letter(column) + ": a value outside the table's "
                                + expected.size() + " columns");
                    }
                    continue;
                }
                cells.add(column < layout.keys().size() ? key(where, row.number(), column, layout.keys().get(column), cell)
                        : amount(where, row.number(), column, expected.get(column), cell));
            }
            rows.add(cells);
        }
        return new ReferenceTable(table, expected, rows);
    }

    private String key(String where, int row, int column, ReferenceLayouts.KeyColumn key, String cell) {
        String text = cell == null ? "" : cell;
        if (!key.allowed().matcher(text).matches()) {
            error(where, "row " + row + ", column " + letter(column) + " (" + key.name() + "): must be " + key.expected()
                    + ", not \"" + shortened(text) + "\"");
        }
        return cell;
    }

    private String amount(String where, int row, int column, String name, String cell) {
        if (cell == null) {
            return null;
        }
        String at = "row " + row + ", column " + letter(column) + " (" + name + "): ";
        if (!NUMBER.matcher(cell).matches()) {
            error(where, at + "not a number: \"" + shortened(cell) + "\"");
            return null;
        }
        BigDecimal number = new BigDecimal(cell.replace(",", ""));
        if (number.scale() > fileUnit.decimalsMax) {
            error(where, at + "at most " + fileUnit.decimalsMax + " decimals in " + (fileUnit == FileUnit.WANYUAN ? "万元" : "元")
                    + ": " + cell);
            return null;
        }
        BigDecimal yuan = number.multiply(fileUnit.yuanEach).setScale(2);
        if (yuan.abs().compareTo(YUAN_MAX) > 0) {
            error(where, at + "more than 15 integer digits of 元: " + cell);
            return null;
        }
        return yuan.toPlainString();
    }

    private void error(String field, String message) {
        if (errors.size() < ERRORS_MAX) {
            errors.add(new FieldError(field, message));
        }
    }

    /** The header without the empty cells a spreadsheet leaves after the last column, each name stripped. */
    private static List<String> trimmedHeader(List<String> header) {
        List<String> names = new ArrayList<>(header.stream().map(cell -> cell == null ? "" : cell.strip()).toList());
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return names;
    }

    /** A spreadsheet's column letter: A, B, … Z, AA … */
    static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
