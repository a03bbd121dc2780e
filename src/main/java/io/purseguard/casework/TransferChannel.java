package io.purseguard.casework;

/** How the money moved. */
public enum TransferChannel {
    BANK,
    ALIPAY,
    WECHAT_PAY,
    CASH,
    CRYPTO,
    OTHER
}
