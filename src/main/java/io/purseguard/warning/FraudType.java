package io.purseguard.warning;

/** The Ministry's ten fraud types (88.4% of cases, DOMAIN.md) plus other. */
public enum FraudType {
    REBATE_ORDERS,
    FAKE_INVESTMENT,
    FAKE_SHOPPING,
    FAKE_CUSTOMER_SERVICE,
    FAKE_LOAN,
    FAKE_CREDIT_REPAIR,
    IMPERSONATE_ACQUAINTANCE,
    IMPERSONATE_AUTHORITY,
    ROMANCE,
    GAME_TRADE,
    OTHER
}
