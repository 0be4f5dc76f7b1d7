package org.budgetledger.projection.publication;

import org.budgetledger.contracts.events.UnitYearProfileSet;

import java.util.Map;
import java.util.Optional;

/** Every figure of a publication by name: the year's, its tables' ({@link AccountFigures}) and the rest ({@link DisclosureFigures}). */
final class PublicationFigures {

    private PublicationFigures() {
    }

    static Map<String, Figure> of(int year, YearTables tables, Optional<YearTables> previous, DisclosureSums sums,
                                  Optional<UnitYearProfileSet> profile, DisclosureFigures.Unit unit) {
        FigureBook book = new FigureBook().text("year", Integer.toString(year)).text("previous_year", Integer.toString(year - 1))
                .flag("has_previous", previous.isPresent())
                .flag("previous_from_reference", previous.map(YearTables::fromReference).orElse(false));
        AccountFigures.add(book, tables, previous);
        DisclosureFigures.add(book, tables, previous, sums, profile, unit);
        return book.figures();
    }
}
