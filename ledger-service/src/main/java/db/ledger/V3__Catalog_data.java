package db.ledger;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.Objects;

/**
 * Loads the shipped catalog from {@code catalog/subjects.csv} and {@code catalog/economic.csv}: the 26 类 of
 * the 2023 公开01表, the 款/项 of the worked example, and the economic classification of the 公开06表 plus
 * group 309 (资本性支出（基本建设）).
 */
public class V3__Catalog_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        load(context, "catalog/subjects.csv", "subject");
        load(context, "catalog/economic.csv", "economic");
    }

    private static void load(Context context, String resource, String table) throws IOException, java.sql.SQLException {
        InputStream in = Objects.requireNonNull(V3__Catalog_data.class.getClassLoader().getResourceAsStream(resource), resource);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO " + table + " (code, name) VALUES (?, ?)")) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", 2);
                insert.setString(1, cells[0]);
                insert.setString(2, cells[1]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
