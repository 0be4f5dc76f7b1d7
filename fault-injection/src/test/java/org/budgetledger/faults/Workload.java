package org.budgetledger.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.budgetledger.contracts.money.Money;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.awaitility.pollinterval.IterativePollInterval.iterative;

/**
 * Posts a deterministic mix of transactions (from a seed) as single POSTs, each client owning some units so
 * that a payment follows the appropriation it draws on. A request that times out, meets a closed port or
 * an answer of 5xx is sent again with the same id and body until the ledger answers for certain: that is
 * what a careful client does, and what makes "acknowledged exactly once" checkable.
 *
 * <p>Every transaction of the mix (APPROPRIATE, PAY, ADJUST, REFUND) stores exactly one event. Some are
 * meant to be refused: payments beyond the line, amounts with three decimals, refunds beyond the payment.
 */
final class Workload {

    static final int YEAR = 2023;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final Duration BACKOFF_MAX = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ledgerUrl;
    private final String authorization;
    private final List<String> units;
    private final int transactions;
    private final double ratePerSecond;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Outcomes outcomes = new Outcomes();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final Semaphore permits = new Semaphore(0);
    /** Answers of 5xx by status: 503 is an honest "not now"; a 500 is a bug. */
    private final Map<Integer, AtomicLong> serverErrors = new java.util.concurrent.ConcurrentHashMap<>();

    Workload(String ledgerUrl, String user, String password, List<String> units, int transactions, double ratePerSecond,
             long seed) {
        this.ledgerUrl = ledgerUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.units = units;
        this.transactions = transactions;
        this.ratePerSecond = ratePerSecond;
        this.seed = seed;
    }

    Outcomes outcomes() {
        return outcomes;
    }

    /** Share of the transactions with a definitive answer, 0 … 1. */
    double progress() {
        return (double) outcomes.decided() / transactions;
    }

    long retries() {
        return retries.get();
    }

    Map<Integer, Long> serverErrors() {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        serverErrors.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    void registerUnits() {
        for (String unit : units) {
            int status = send("/api/v1/units", Map.of("code", unit, "name", "故障注入单位 " + unit));
            if (status != 201 && status != 409) {
                throw new IllegalStateException("could not register unit " + unit + ": " + status);
            }
        }
    }

    /** Runs the clients, one per unit pair, to the end; returns when every transaction was answered or given up. */
    void run(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // the clients are held to the target rate, so that the faults fall inside the load, not after it: a
        // transaction waits for a permit, and permits are handed out at the rate (those not taken during a
        // stall accumulate, and the clients catch up afterwards)
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        pace.scheduleAtFixedRate(permits::release, 0, Math.max(1, Math.round(1e6 / ratePerSecond)), TimeUnit.MICROSECONDS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                List<String> own = new ArrayList<>();
                for (int index = client; index < units.size(); index += clients) {
                    own.add(units.get(index));
                }
                long clientSeed = seed * 31 + client;
                running.add(pool.submit(() -> {
                    new Client(own, new Random(clientSeed)).run();
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pace.shutdownNow();
            pool.shutdownNow();
        }
    }

    /** One client: its units' books, kept from the answers it got. */
    private final class Client {
        private final List<String> units;
        private final Random random;
        private final Map<String, List<String>> lines = new LinkedHashMap<>();
        private final Map<String, List<Payment>> payments = new LinkedHashMap<>();
        private final Map<String, Integer> steps = new LinkedHashMap<>();

        private record Payment(String id, long amountFen) {
        }

        Client(List<String> units, Random random) {
            this.units = units;
            this.random = random;
            units.forEach(unit -> {
                lines.put(unit, new ArrayList<>());
                payments.put(unit, new ArrayList<>());
                steps.put(unit, 0);
            });
        }

        void run() throws InterruptedException {
            for (int number = started.getAndIncrement(); number < transactions; number = started.getAndIncrement()) {
                permits.acquire();
                String unit = units.get(random.nextInt(units.size()));
                int step = steps.merge(unit, 1, Integer::sum);
                Map<String, Object> transaction = next(unit, step, "f" + seed + "-" + number);
                Outcomes.Kind kind = post(transaction);
                remember(unit, transaction, kind);
            }
        }

        private Map<String, Object> next(String unit, int step, String id) {
            // dates move forward through the year, so that a refund never predates its payment
            String date = LocalDate.of(YEAR, 1, 1).plusDays(Math.min(363, step / 4)).toString();
            List<String> own = lines.get(unit);
            int dice = random.nextInt(100);
            if (own.isEmpty() || dice < 6) {
                return transaction("APPROPRIATE", id, unit, date, "fund", "GENERAL_BUDGET", "subject", "2140199",
                        "kind", "PROJECT", "project", "项目" + (own.size() + 1), "amount", yuan(fen(50_000_000, 100_000_000)));
            }
            String line = own.get(random.nextInt(own.size()));
            List<Payment> paid = payments.get(unit);
            if (dice < 72) {
                return transaction("PAY", id, unit, date, "line", line, "economic", "30201", "amount", yuan(fen(100, 300_000)));
            }
            if (dice < 80) {
                long amount = random.nextInt(4) == 0 ? -fen(10_000, 100_000) : fen(100_000, 5_000_000);
                return transaction("ADJUST", id, unit, date, "line", line, "amount", yuan(amount), "reason", "年中调整");
            }
            if (dice < 92 && !paid.isEmpty()) {
                Payment payment = paid.get(random.nextInt(paid.size()));
                // now and then more than was paid: REFUND_EXCEEDS_PAYMENT
                long amount = random.nextInt(10) == 0 ? payment.amountFen() + 1 : Math.max(1, payment.amountFen() / 3);
                return transaction("REFUND", id, unit, date, "payment", payment.id(), "amount", yuan(amount));
            }
            if (dice < 96) {
                return transaction("PAY", id, unit, date, "line", line, "economic", "30201", "amount", "900000000.00");
            }
            return transaction("PAY", id, unit, date, "line", line, "economic", "30201", "amount", "12.345");
        }

        private void remember(String unit, Map<String, Object> transaction, Outcomes.Kind kind) {
            if (kind != Outcomes.Kind.ACKNOWLEDGED) {
                return;
            }
            String id = (String) transaction.get("id");
            switch ((String) transaction.get("type")) {
                case "APPROPRIATE" -> lines.get(unit).add(id);
                case "PAY" -> payments.get(unit).add(new Payment(id, Money.parseYuan((String) transaction.get("amount")).fen()));
                default -> {
                }
            }
        }

        private long fen(long fromFen, long toFen) {
            return fromFen + (long) (random.nextDouble() * (toFen - fromFen));
        }
    }

    /** Sends until the answer is definitive: 2xx acknowledged, 4xx rejected; else the same request again. */
    private Outcomes.Kind post(Map<String, Object> transaction) {
        String id = (String) transaction.get("id");
        AtomicReference<Outcomes.Kind> decided = new AtomicReference<>();
        try {
            // backing off 100 ms, 200 ms … up to 2 s between attempts
            await().atMost(GIVE_UP_AFTER).pollDelay(Duration.ZERO)
                    .pollInterval(iterative(previous -> BACKOFF_MAX.compareTo(previous.multipliedBy(2)) < 0 ? BACKOFF_MAX
                            : previous.multipliedBy(2), Duration.ofMillis(100)))
                    .until(() -> {
                        decided.set(attempt(id, transaction));
                        if (decided.get() == null) {
                            retries.incrementAndGet();
                        }
                        return decided.get() != null;
                    });
            return decided.get();
        } catch (ConditionTimeoutException noDefinitiveAnswer) {
            outcomes.record(id, Outcomes.Kind.UNKNOWN, null);
            return Outcomes.Kind.UNKNOWN;
        }
    }

    /** One request: the definitive answer, recorded, or null when the ledger must be asked again. */
    private Outcomes.Kind attempt(String id, Map<String, Object> transaction) throws InterruptedException {
        try {
            HttpResponse<String> answer = http.send(request("/api/v1/transactions", transaction), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status == 200 || status == 201) {
                outcomes.record(id, Outcomes.Kind.ACKNOWLEDGED, null);
                return Outcomes.Kind.ACKNOWLEDGED;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                outcomes.record(id, Outcomes.Kind.REJECTED, code(answer.body()));
                return Outcomes.Kind.REJECTED;
            }
            if (status >= 500) {
                serverErrors.computeIfAbsent(status, unused -> new AtomicLong()).incrementAndGet();
            }
        } catch (IOException timedOutOrRefused) {
            // the ledger is down, restarting, or too slow: ask again
        }
        return null;
    }

    /** Sends until the ledger answers with anything but a 5xx; that status. */
    private int send(String path, Map<String, Object> body) {
        AtomicInteger status = new AtomicInteger();
        await().atMost(GIVE_UP_AFTER).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    status.set(http.send(request(path, body), HttpResponse.BodyHandlers.discarding()).statusCode());
                    return status.get() < 500;
                });
        return status.get();
    }

    private HttpRequest request(String path, Map<String, Object> body) {
        try {
            return HttpRequest.newBuilder(URI.create(ledgerUrl + path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String code(String problem) {
        try {
            JsonNode body = JSON.readTree(problem);
            return body.path("code").asText("none");
        } catch (IOException notJson) {
            return "unreadable";
        }
    }

    private static Map<String, Object> transaction(String type, String id, String unit, String date, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("unit", unit);
        body.put("year", YEAR);
        body.put("date", date);
        for (int index = 0; index < fields.length; index += 2) {
            body.put((String) fields[index], fields[index + 1]);
        }
        return body;
    }

    private static String yuan(long fen) {
        return Money.ofFen(fen).toYuanString();
    }
}
