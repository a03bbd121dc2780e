package io.purseguard.warning;

/** 资金预警, 触网预警 (call, SMS, URL, app) and cash-withdrawal warnings. */
public enum ClueKind {
    FUND,
    CALL,
    SMS,
    URL,
    APP,
    CASH_WITHDRAWAL;

    /** Money has moved or is moving: the amount and transaction time are required. */
    public boolean involvesMoney() {
        return this == FUND;
    }
}
