package db.ledger;

import org.budgetledger.contracts.catalog.CatalogNames;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** Loads the shipped catalog ({@link CatalogNames}) into the ledger's tables. */
public class V3__Catalog_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        load(context, CatalogNames.subjects(), "subject");
        load(context, CatalogNames.economic(), "economic");
    }

    private static void load(Context context, Map<String, String> names, String table) throws SQLException {
        try (PreparedStatement insert = context.getConnection().prepareStatement(
                "INSERT INTO " + table + " (code, name) VALUES (?, ?)")) {
            for (Map.Entry<String, String> entry : names.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
