package org.budgetledger.contracts.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shipped catalog ({@code catalog/subjects.csv}, {@code catalog/economic.csv}: code,name): the 26 类 of
 * the 2023 公开01表, the 款/项 of the worked example, and the economic classification of the 公开06表 plus
 * group 309. The ledger loads it into its database; the projection names report rows with it.
 */
public final class CatalogNames {

    private static final Map<String, String> SUBJECTS = read("catalog/subjects.csv");
    private static final Map<String, String> ECONOMIC = read("catalog/economic.csv");

    private CatalogNames() {
    }

    /** 支出功能分类: code → name, in code order. */
    public static Map<String, String> subjects() {
        return SUBJECTS;
    }

    /** 部门预算支出经济分类: code → name, in code order. */
    public static Map<String, String> economic() {
        return ECONOMIC;
    }

    private static Map<String, String> read(String resource) {
        InputStream in = Objects.requireNonNull(CatalogNames.class.getClassLoader().getResourceAsStream(resource), resource);
        Map<String, String> names = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", 2);
                names.put(cells[0], cells[1]);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return Collections.unmodifiableMap(names);
    }
}
