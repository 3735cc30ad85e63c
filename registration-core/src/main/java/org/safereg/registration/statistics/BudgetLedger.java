package org.safereg.registration.statistics;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.safereg.privacy.statistics.noise.Rational;
import org.safereg.privacy.statistics.noise.Rho;
import org.safereg.registration.storage.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The privacy budget ledger ({@code stat_budget_cap}, {@code stat_budget_entry}; internal). A differentially
 * private release {@linkplain #reserve reserves} its loss in a transaction of its own that locks the cap row
 * ({@code SELECT ... FOR UPDATE}), adds up what is RESERVED or COMMITTED for the population and quarter, and
 * refuses if the cap would be exceeded, so concurrent releases are serialised on the cap row and can never
 * overdraw it; it then {@linkplain #commit commits} with its register entry, or is {@linkplain #refund refunded}.
 * A reservation never settled (a crash) keeps counting as spent: fail closed. Amounts are exact rationals.
 * Thread-safe. Each call is a few indexed statements.
 */
final class BudgetLedger {
    private final JdbcClient jdbc;
    private final Transactions transactions;
    private final double delta;

    BudgetLedger(JdbcClient jdbc, Transactions transactions, double delta) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.delta = delta;
    }

    /**
     * Reserves {@code rho} for release {@code release} in a new transaction (committed on return).
     *
     * @throws StatisticalReleaseRefusedException NO_BUDGET_CAP (no cap row), BUDGET_EXCEEDED (spent plus
     *         {@code rho} above the cap); nothing reserved
     */
    void reserve(UUID release, String population, BudgetPeriod period, Rho rho, String actor, Instant at) {
        transactions.inNewTransaction(() -> {
            Rational cap = jdbc.sql("""
                            SELECT rho_numerator, rho_denominator FROM stat_budget_cap
                            WHERE population = ? AND period = ? FOR UPDATE""")
                    .params(population, period.toString())
                    .query((rs, n) -> rational(rs, 1)).optional()
                    .orElseThrow(() -> new StatisticalReleaseRefusedException(
                            StatisticalReleaseRefusedException.Reason.NO_BUDGET_CAP));
            Rational after = spent(population, period).plus(rho.value());
            if (after.compareTo(cap) > 0) {
                throw new StatisticalReleaseRefusedException(StatisticalReleaseRefusedException.Reason.BUDGET_EXCEEDED);
            }
            jdbc.sql("""
                            INSERT INTO stat_budget_entry (release_id, population, period, rho_numerator, rho_denominator,
                                state, reserved_by, reserved_at)
                            VALUES (?, ?, ?, ?, ?, 'RESERVED', ?, ?)""")
                    .params(release, population, period.toString(), numeric(rho.value().numerator()),
                            numeric(rho.value().denominator()), actor, utc(at))
                    .update();
            return null;
        });
    }

    /** Marks the reservation COMMITTED, in the caller's transaction (the one that registers the release). */
    void commit(UUID release, Instant at) {
        settle(release, "COMMITTED", at);
    }

    /**
     * Marks the reservation REFUNDED in a new transaction (the release failed). If the database fails here, the
     * reservation stays and keeps counting as spent.
     */
    void refund(UUID release, Instant at) {
        transactions.inNewTransaction(() -> {
            settle(release, "REFUNDED", at);
            return null;
        });
    }

    private void settle(UUID release, String state, Instant at) {
        int n = jdbc.sql("UPDATE stat_budget_entry SET state = ?, settled_at = ? WHERE release_id = ? AND state = 'RESERVED'")
                .params(state, utc(at), release).update();
        if (n != 1) {
            throw new IllegalStateException("no open budget reservation for the release");
        }
    }

    /** Sets (or replaces) the cap of {@code population} and {@code period}; caller's transaction. */
    BudgetStatus setCap(String population, BudgetPeriod period, Rho cap, String actor, Instant at) {
        jdbc.sql("""
                        INSERT INTO stat_budget_cap (population, period, rho_numerator, rho_denominator, set_by, set_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (population, period) DO UPDATE SET rho_numerator = EXCLUDED.rho_numerator,
                            rho_denominator = EXCLUDED.rho_denominator, set_by = EXCLUDED.set_by,
                            set_at = EXCLUDED.set_at""")
                .params(population, period.toString(), numeric(cap.value().numerator()),
                        numeric(cap.value().denominator()), actor, utc(at))
                .update();
        return status(population, period).orElseThrow();
    }

    /** The budget of one population and quarter, empty if no cap is set. */
    Optional<BudgetStatus> status(String population, BudgetPeriod period) {
        return caps("WHERE population = ? AND period = ?", population, period.toString()).stream().findFirst();
    }

    /** Every cap set, optionally of one population, newest period first. */
    List<BudgetStatus> statuses(Optional<String> population) {
        return population.map(p -> caps("WHERE population = ?", p)).orElseGet(() -> caps(""));
    }

    private List<BudgetStatus> caps(String where, Object... params) {
        List<Object[]> rows = jdbc.sql("SELECT population, period, rho_numerator, rho_denominator, set_by, set_at"
                        + " FROM stat_budget_cap " + where + " ORDER BY period DESC, population")
                .params(params)
                .query((rs, n) -> new Object[] {rs.getString(1), BudgetPeriod.parse(rs.getString(2)), rational(rs, 3),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()})
                .list();
        return rows.stream().map(r -> {
            String population = (String) r[0];
            BudgetPeriod period = (BudgetPeriod) r[1];
            Rational cap = (Rational) r[2];
            Rational spent = spent(population, period);
            return new BudgetStatus(population, period, new Rho(cap), new Rho(spent), new Rho(minus(cap, spent)),
                    delta, (String) r[3], (Instant) r[4]);
        }).toList();
    }

    private Rational spent(String population, BudgetPeriod period) {
        Rational sum = Rational.ZERO;
        for (Rational r : jdbc.sql("""
                        SELECT rho_numerator, rho_denominator FROM stat_budget_entry
                        WHERE population = ? AND period = ? AND state IN ('RESERVED', 'COMMITTED')""")
                .params(population, period.toString())
                .query((rs, n) -> rational(rs, 1)).list()) {
            sum = sum.plus(r);
        }
        return sum;
    }

    /** {@code a - b}, or zero if {@code b} is larger (a cap lowered below what was spent). */
    static Rational minus(Rational a, Rational b) {
        BigInteger n = a.numerator().multiply(b.denominator()).subtract(b.numerator().multiply(a.denominator()));
        return n.signum() <= 0 ? Rational.ZERO : new Rational(n, a.denominator().multiply(b.denominator()));
    }

    private static Rational rational(ResultSet rs, int column) throws SQLException {
        return new Rational(rs.getBigDecimal(column).toBigIntegerExact(),
                rs.getBigDecimal(column + 1).toBigIntegerExact());
    }

    private static BigDecimal numeric(BigInteger value) {
        return new BigDecimal(value);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
