package org.budgetledger.ledger.posting;

import org.budgetledger.contracts.api.FieldError;
import org.budgetledger.contracts.api.ProblemCode;
import org.budgetledger.contracts.codes.Fund;
import org.budgetledger.contracts.codes.Kind;
import org.budgetledger.contracts.codes.PaymentMethod;
import org.budgetledger.contracts.money.InvalidAmountException;
import org.budgetledger.contracts.money.Money;
import org.budgetledger.contracts.codes.ThreePublicCategory;
import org.budgetledger.ledger.budgetyear.Adjust;
import org.budgetledger.ledger.budgetyear.Appropriate;
import org.budgetledger.ledger.budgetyear.BudgetYear;
import org.budgetledger.ledger.budgetyear.CarryOver;
import org.budgetledger.ledger.budgetyear.DistributeSurplus;
import org.budgetledger.ledger.budgetyear.Pay;
import org.budgetledger.ledger.budgetyear.Receive;
import org.budgetledger.ledger.budgetyear.RecordOpeningBalance;
import org.budgetledger.ledger.budgetyear.Refund;
import org.budgetledger.ledger.budgetyear.SetLimit;
import org.budgetledger.ledger.budgetyear.Transfer;
import org.budgetledger.ledger.budgetyear.UseReserve;
import org.budgetledger.ledger.budgetyear.Posting;
import org.budgetledger.ledger.budgetyear.PostingCommand;
import org.budgetledger.web.ApiProblem;
import org.budgetledger.web.Identifiers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a request body into a command, or answers 400 with every field that is wrong. Checks only what
 * needs no ledger state (formats, ranges, which fields a type takes); the rules that need state belong
 * to the {@link org.budgetledger.ledger.budgetyear.BudgetYear}.
 */
final class TransactionValidator {

    static final int ID_LENGTH_MAX = 64;
    /** Carried-in lines are named "{line}>{year}", so a line reference may be longer than an id. */
    static final int LINE_ID_LENGTH_MAX = ID_LENGTH_MAX + 6;
    static final int MEMO_LENGTH_MAX = 500;
    static final int VOUCHER_LENGTH_MAX = 64;
    static final int NAME_LENGTH_MAX = 200;
    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2100;

    private static final Pattern UNIT = Pattern.compile("[0-9A-Za-z_-]{1,32}");
    private static final Pattern SUBJECT = Pattern.compile("\\d{7}");
    private static final Pattern ECONOMIC = Pattern.compile("\\d{5}");
    private static final Pattern ECONOMIC_RESTRICTION = Pattern.compile("\\d{3}|\\d{5}");

    private TransactionValidator() {
    }

    /** A command ready for its budget year, or an {@link ApiProblem} naming every field that is wrong. */
    static PostingCommand toCommand(TransactionRequest request, String principal) {
        Fields fields = new Fields();
        TransactionType type = fields.require("type", request.type(), TransactionType::valueOf,
                "one of " + Arrays.toString(TransactionType.values()));
        String id = fields.identifier("id", request.id(), ID_LENGTH_MAX, true);
        if (id != null && id.indexOf(BudgetYear.CARRIED_LINE_MARK) >= 0) {
            // a carry-over names the line it brings into the next year "line>year": no transaction may take that name
            fields.error("id", "may not contain '" + BudgetYear.CARRIED_LINE_MARK
                    + "': it marks the lines a carry-over brings into the next year (line>year)");
        }
        String unit = fields.matching("unit", request.unit(), UNIT, "1–32 characters of 0-9, A-Z, a-z, _ and -", true);
        Integer year = request.year();
        if (year == null || year < YEAR_MIN || year > YEAR_MAX) {
            fields.error("year", "a year from " + YEAR_MIN + " to " + YEAR_MAX);
            year = null;
        }
        // CARRY_OVER is dated by the ledger (31 Dec / 1 Jan): a date sent with it is ignored
        LocalDate date = type == TransactionType.CARRY_OVER ? null : fields.date(request.date(), year);
        String memo = fields.text("memo", request.memo(), MEMO_LENGTH_MAX, false);
        String voucher = fields.identifier("voucher", request.voucher(), VOUCHER_LENGTH_MAX, false);
        if (type == null) {
            fields.throwIfAny();
        }
        rejectForeignFields(request, type, fields);
        Posting posting = new Posting(id, unit, year == null ? 0 : year, date, principal, memo, voucher);
        String budgetYearId = posting.budgetYearId();
        PostingCommand command = switch (type) {
            case APPROPRIATE -> appropriate(request, posting, fields);
            case ADJUST -> new Adjust(budgetYearId, posting, fields.identifier("line", request.line(), LINE_ID_LENGTH_MAX, true),
                    fields.nonZeroAmount(request.amount()), fields.text("reason", request.reason(), MEMO_LENGTH_MAX, true));
            case TRANSFER -> transfer(request, posting, fields);
            case PAY -> pay(request, posting, fields);
            case REFUND -> new Refund(budgetYearId, posting, fields.identifier("payment", request.payment(), ID_LENGTH_MAX, true),
                    fields.positiveAmount(request.amount()));
            case RECEIVE -> new Receive(budgetYearId, posting, fund(request, fields), subject(request, fields),
                    fields.positiveAmount(request.amount()));
            case OPENING_BALANCE -> openingBalance(request, posting, fields);
            case USE_RESERVE -> new UseReserve(budgetYearId, posting, fund(request, fields), subject(request, fields),
                    fields.positiveAmount(request.amount()));
            case DISTRIBUTE_SURPLUS -> new DistributeSurplus(budgetYearId, posting, fund(request, fields),
                    subject(request, fields), fields.positiveAmount(request.amount()));
            case SET_LIMIT -> new SetLimit(budgetYearId, posting,
                    fields.require("category", request.category(), ThreePublicCategory::valueOf,
                            "one of " + Arrays.toString(ThreePublicCategory.values())),
                    fields.amountAtLeastZero(request.amount()));
            case CARRY_OVER -> new CarryOver(budgetYearId, posting);
        };
        fields.throwIfAny();
        return command;
    }

    private static Appropriate appropriate(TransactionRequest request, Posting posting, Fields fields) {
        Fund fund = fund(request, fields);
        String subject = subject(request, fields);
        Kind kind = fields.require("kind", request.kind(), Kind::valueOf, "one of " + Arrays.toString(Kind.values()));
        String project = project(request, fund, kind, fields);
        String economic = fields.matching("economic", request.economic(), ECONOMIC_RESTRICTION,
                "a 3-digit economic group or a 5-digit economic code", false);
        return new Appropriate(posting.budgetYearId(), posting, fund, subject, kind, project, economic,
                fields.positiveAmount(request.amount()));
    }

    private static RecordOpeningBalance openingBalance(TransactionRequest request, Posting posting, Fields fields) {
        Fund fund = fund(request, fields);
        String subject = subject(request, fields);
        Kind kind = request.kind() == null ? null
                : fields.require("kind", request.kind(), Kind::valueOf, "one of " + Arrays.toString(Kind.values()));
        if (fund != null && fund.isFiscal() && request.kind() == null) {
            fields.error("kind", "required for fiscal money (it opens a budget line)");
        }
        String project = project(request, fund, kind, fields);
        String economic = fields.matching("economic", request.economic(), ECONOMIC_RESTRICTION,
                "a 3-digit economic group or a 5-digit economic code", false);
        return new RecordOpeningBalance(posting.budgetYearId(), posting, fund, subject, kind, project, economic,
                fields.positiveAmount(request.amount()));
    }

    private static Transfer transfer(TransactionRequest request, Posting posting, Fields fields) {
        String from = fields.identifier("from", request.from(), LINE_ID_LENGTH_MAX, true);
        String to = fields.identifier("to", request.to(), LINE_ID_LENGTH_MAX, true);
        if (from != null && from.equals(to)) {
            fields.error("to", "must be another line than from");
        }
        return new Transfer(posting.budgetYearId(), posting, from, to, fields.positiveAmount(request.amount()),
                fields.text("reason", request.reason(), MEMO_LENGTH_MAX, true));
    }

    private static Pay pay(TransactionRequest request, Posting posting, Fields fields) {
        String line = fields.identifier("line", request.line(), LINE_ID_LENGTH_MAX, true);
        String economic = fields.matching("economic", request.economic(), ECONOMIC, "a 5-digit economic code", true);
        Money amount = fields.positiveAmount(request.amount());
        String payee = fields.text("payee", request.payee(), NAME_LENGTH_MAX, false);
        PaymentMethod method = request.method() == null ? null
                : fields.require("method", request.method(), PaymentMethod::valueOf, "DIRECT or AUTHORIZED");
        return new Pay(posting.budgetYearId(), posting, line, economic, amount, payee, method);
    }

    private static Fund fund(TransactionRequest request, Fields fields) {
        return fields.require("fund", request.fund(), Fund::valueOf, "one of " + Arrays.toString(Fund.values()));
    }

    private static String subject(TransactionRequest request, Fields fields) {
        return fields.matching("subject", request.subject(), SUBJECT, "a 7-digit 项 code", true);
    }

    /** Fiscal money is spent as BASIC or PROJECT; a project is named iff the kind is PROJECT. */
    private static String project(TransactionRequest request, Fund fund, Kind kind, Fields fields) {
        if (fund != null && fund.isFiscal() && kind != null && !kind.allowedForFiscalFunds()) {
            fields.error("kind", "fiscal money (" + fund + ") is spent as BASIC or PROJECT only");
        }
        String project = fields.text("project", request.project(), NAME_LENGTH_MAX, false);
        if (kind == Kind.PROJECT && project == null) {
            fields.error("project", "required when kind is PROJECT");
        }
        if (kind != null && kind != Kind.PROJECT && project != null) {
            fields.error("project", "only for kind PROJECT");
        }
        return project;
    }

    private static void rejectForeignFields(TransactionRequest request, TransactionType type, Fields fields) {
        Map<String, Object> typeFields = new LinkedHashMap<>();
        typeFields.put("fund", request.fund());
        typeFields.put("subject", request.subject());
        typeFields.put("kind", request.kind());
        typeFields.put("project", request.project());
        typeFields.put("economic", request.economic());
        typeFields.put("amount", request.amount());
        typeFields.put("line", request.line());
        typeFields.put("from", request.from());
        typeFields.put("to", request.to());
        typeFields.put("reason", request.reason());
        typeFields.put("payment", request.payment());
        typeFields.put("payee", request.payee());
        typeFields.put("method", request.method());
        typeFields.put("category", request.category());
        typeFields.forEach((name, value) -> {
            if (value != null && !type.takes(name)) {
                fields.error(name, "not a field of " + type);
            }
        });
    }

    /** Collects field errors; the problem code is the specific one when every error shares it. */
    private static final class Fields {
        private final List<FieldError> errors = new ArrayList<>();
        private final List<ProblemCode> codes = new ArrayList<>();

        void error(String field, String message) {
            error(field, message, ProblemCode.VALIDATION_FAILED);
        }

        void error(String field, String message, ProblemCode code) {
            errors.add(new FieldError(field, message));
            codes.add(code);
        }

        void throwIfAny() {
            if (errors.isEmpty()) {
                return;
            }
            ProblemCode code = codes.stream().distinct().count() == 1 ? codes.get(0) : ProblemCode.VALIDATION_FAILED;
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are not valid";
            throw new ApiProblem(code, detail, errors);
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

        Money positiveAmount(AmountText amount) {
            return amount(amount, Money::isPositive, "must be greater than 0");
        }

        Money nonZeroAmount(AmountText amount) {
            return amount(amount, money -> !money.isZero(), "must not be 0 (positive to add, negative to cut)");
        }

        Money amountAtLeastZero(AmountText amount) {
            return amount(amount, money -> !money.isNegative(), "must not be negative");
        }

        private Money amount(AmountText amount, java.util.function.Predicate<Money> allowed, String rule) {
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
}
