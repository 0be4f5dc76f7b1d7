package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.money.InvalidAmountException;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.web.Identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The checks a request's fields take before any ledger state is looked at (formats, ranges, required fields),
 * collecting every fault, in the order they are checked. The problem code is the specific one when every fault
 * shares it. (Not Bean Validation: it reports faults as an unordered set in its own words, and which problem code
 * a fault has depends on the check that found it.)
 */
final class FieldChecks {

    static final int ID_LENGTH_MAX = 64;
    /** Carried-in lines are named "{line}>{year}", so a line reference may be longer than an id. */
    static final int LINE_ID_LENGTH_MAX = ID_LENGTH_MAX + 6;
    static final int MEMO_LENGTH_MAX = 500;
    static final int VOUCHER_LENGTH_MAX = 64;
    static final int NAME_LENGTH_MAX = 200;
    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2100;

    static final Pattern UNIT = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    static final String UNIT_EXPECTED = "1–32 characters of 0-9, A-Z, a-z, _ and -";
    static final Pattern SUBJECT = Pattern.compile("\\d{7}");
    static final Pattern ECONOMIC = Pattern.compile("\\d{5}");
    static final Pattern ECONOMIC_RESTRICTION = Pattern.compile("\\d{3}|\\d{5}");

    private final List<FieldError> errors = new ArrayList<>();
    private final List<ProblemCode> codes = new ArrayList<>();

    void error(String field, String message) {
        error(field, message, ProblemCode.VALIDATION_FAILED);
    }

    void error(String field, String message, ProblemCode code) {
        errors.add(new FieldError(field, message));
        codes.add(code);
    }

    /** Every fault found so far as one rejection, or nothing when there is none. */
    Optional<Rejection> rejection() {
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        ProblemCode code = codes.stream().distinct().count() == 1 ? codes.get(0) : ProblemCode.VALIDATION_FAILED;
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid";
        return Optional.of(new Rejection(code, detail, errors));
    }

    String text(String field, String value, int lengthMax, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        if (value.length() > lengthMax) {
            error(field, "at most " + lengthMax + " characters");
            return null;
        }
        if (value.codePoints().anyMatch(Identifiers::isControl)) {
            error(field, "must not contain control characters");
            return null;
        }
        if (Identifiers.hasUnpairedSurrogate(value)) {
            error(field, Identifiers.UNPAIRED_SURROGATE);
            return null;
        }
        return value;
    }

    /** Text that names something (an id, a reference, a voucher number): taken as sent, see {@link Identifiers}. */
    String identifier(String field, String value, int lengthMax, boolean required) {
        String text = text(field, value, lengthMax, required);
        Optional<String> rejection = text == null ? Optional.empty() : Identifiers.rejection(text);
        rejection.ifPresent(message -> error(field, message));
        return rejection.isPresent() ? null : text;
    }

    String matching(String field, String value, Pattern pattern, String expected, boolean required) {
        if (value == null) {
            if (required) {
                error(field, "required");
            }
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            error(field, "must be " + expected);
            return null;
        }
        return value;
    }

    <T> T require(String field, String value, Function<String, T> parse, String expected) {
        if (value == null) {
            error(field, "required");
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException wrong) {
            error(field, "must be " + expected);
            return null;
        }
    }

    /** One of a closed set of codes, named as the enum names them. */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> codes) {
        return require(field, value, name -> Enum.valueOf(codes, name),
                "one of " + Arrays.toString(codes.getEnumConstants()));
    }

    LocalDate date(String value, Integer year) {
        if (value == null) {
            error("date", "required");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            error("date", "must be a date YYYY-MM-DD");
            return null;
        }
        if (year != null && date.getYear() != year) {
            error("date", "must fall inside the budget year " + year, ProblemCode.DATE_OUTSIDE_YEAR);
        }
        return date;
    }

    Fund fund(String value) {
        return oneOf("fund", value, Fund.class);
    }

    String subject(String value) {
        return matching("subject", value, SUBJECT, "a 7-digit 项 code", true);
    }

    /**
     * The unit on the other side of an internal flow (SPEC §13), optional: a unit code, another than the posting
     * unit's. Whether the transaction's kind or fund takes one, and whether it is registered, is decided later.
     */
    String counterparty(String value, String unit) {
        String counterparty = matching("counterparty", value, UNIT, UNIT_EXPECTED, false);
        if (counterparty != null && counterparty.equals(unit)) {
            error("counterparty", "must be another unit than unit (a unit does not pay itself)");
            return null;
        }
        return counterparty;
    }

    String economicRestriction(String value) {
        return matching("economic", value, ECONOMIC_RESTRICTION, "a 3-digit economic group or a 5-digit economic code", false);
    }

    /** Fiscal money is spent as BASIC or PROJECT; a project is named iff the kind is PROJECT. */
    String project(String value, Fund fund, Kind kind) {
        if (fund != null && fund.isFiscal() && kind != null && !kind.allowedForFiscalFunds()) {
            error("kind", "fiscal money (" + fund + ") is spent as BASIC or PROJECT only");
        }
        String project = text("project", value, NAME_LENGTH_MAX, false);
        if (kind == Kind.PROJECT && project == null) {
            error("project", "required when kind is PROJECT");
        }
        if (kind != null && kind != Kind.PROJECT && project != null) {
            error("project", "only for kind PROJECT");
        }
        return project;
    }

    Money positiveAmount(AmountText amount) {
        return amount(amount, Money::isPositive, "must be greater than 0");
    }

    Money nonZeroAmount(AmountText amount) {
        return amount(amount, money -> !money.isZero(), "must not be 0 (positive to add, negative to cut)");
    }

    Money amountAtLeastZero(AmountText amount) {
        return amount(amount, money -> !money.isNegative(), "must not be negative");
    }

    private Money amount(AmountText amount, Predicate<Money> allowed, String rule) {
        if (amount == null) {
            error("amount", "required");
            return null;
        }
        try {
            Money money = Money.parseYuan(amount.text());
            if (!allowed.test(money)) {
                error("amount", rule, ProblemCode.INVALID_AMOUNT);
                return null;
            }
            return money;
        } catch (InvalidAmountException invalid) {
            error("amount", invalid.getMessage(), ProblemCode.INVALID_AMOUNT);
            return null;
        }
    }
}
