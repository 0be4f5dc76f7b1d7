package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.events.ScheduledPayment;
import org.budgetledger.contracts.money.InvalidAmountException;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.api.Rejection;
import org.budgetledger.web.Identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /** A 合同号, as long as a 凭证号. */
    static final int CONTRACT_LENGTH_MAX = 64;
    /** A schedule of one payment a day is the most a year needs. */
    static final int SCHEDULE_ITEMS_MAX = 366;
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
        return amount("amount", amount, Money::isPositive, "must be greater than 0", ProblemCode.INVALID_AMOUNT);
    }

    Money nonZeroAmount(AmountText amount) {
        return amount("amount", amount, money -> !money.isZero(), "must not be 0 (positive to add, negative to cut)",
                ProblemCode.INVALID_AMOUNT);
    }

    Money amountAtLeastZero(AmountText amount) {
        return amount("amount", amount, money -> !money.isNegative(), "must not be negative", ProblemCode.INVALID_AMOUNT);
    }

    /**
     * A COMMIT's schedule (SPEC §14), optional: each expected payment dated inside the budget year, above 0, and all
     * of them adding up to the commitment's {@code amount}; a fault of the schedule is VALIDATION_FAILED (an amount
     * that is no amount at all: INVALID_AMOUNT, as everywhere). Earliest first (the order of equal dates kept).
     *
     * @param year   the budget year, 0 when it is not valid (then the dates are not checked against it)
     * @param amount the commitment's amount, null when it is not valid (then the sum is not checked)
     */
    List<ScheduledPayment> schedule(List<ScheduledPaymentText> items, int year, Money amount) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        if (items.size() > SCHEDULE_ITEMS_MAX) {
            error("schedule", "at most " + SCHEDULE_ITEMS_MAX + " scheduled payments");
            return List.of();
        }
        List<ScheduledPayment> schedule = new ArrayList<>();
        boolean complete = true;
        for (int index = 0; index < items.size(); index++) {
            String field = "schedule[" + index + "]";
            ScheduledPaymentText item = items.get(index);
            if (item == null) {
                error(field, "required: a scheduled payment {date, amount}");
                complete = false;
                continue;
            }
            LocalDate date = scheduledDate(field + ".date", item.date(), year);
            Money scheduled = amount(field + ".amount", item.amount(), Money::isPositive, "must be greater than 0",
                    ProblemCode.VALIDATION_FAILED);
            if (date == null || scheduled == null) {
                complete = false;
            } else {
                schedule.add(new ScheduledPayment(date, scheduled));
            }
        }
        if (complete && amount != null) {
            checkScheduleSum(schedule, amount);
        }
        schedule.sort(Comparator.comparing(ScheduledPayment::date));
        return List.copyOf(schedule);
    }

    private void checkScheduleSum(List<ScheduledPayment> schedule, Money amount) {
        long sumFen = 0;
        for (ScheduledPayment payment : schedule) {
            // 366 amounts of up to 10^17 分 could overflow a long; far beyond any amount they must add up to
            if (payment.amount().fen() > amount.fen() - sumFen) {
                error("schedule", "the scheduled payments add up to more than the amount, " + amount + " 元");
                return;
            }
            sumFen += payment.amount().fen();
        }
        if (sumFen != amount.fen()) {
            error("schedule", "the scheduled payments add up to " + Money.ofFen(sumFen) + " 元; they must add up to the amount, "
                    + amount + " 元");
        }
    }

    /** A date of a schedule: inside the budget year, else VALIDATION_FAILED (SPEC §14). */
    private LocalDate scheduledDate(String field, String value, int year) {
        if (value == null) {
            error(field, "required");
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (year != 0 && date.getYear() != year) {
                error(field, "must fall inside the budget year " + year);
                return null;
            }
            return date;
        } catch (DateTimeParseException malformed) {
            error(field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    /**
     * An amount: {@code rule} (with {@code ruleCode}) says what it must be beyond an amount; what is not an amount
     * at all is INVALID_AMOUNT (SPEC §3).
     */
    private Money amount(String field, AmountText amount, Predicate<Money> allowed, String rule, ProblemCode ruleCode) {
        if (amount == null) {
            error(field, "required");
            return null;
        }
        try {
            Money money = Money.parseYuan(amount.text());
            if (!allowed.test(money)) {
                error(field, rule, ruleCode);
                return null;
            }
            return money;
        } catch (InvalidAmountException invalid) {
            error(field, invalid.getMessage(), ProblemCode.INVALID_AMOUNT);
            return null;
        }
    }
}
