package io.purseguard.casework;

/**
 * The kinds of contact channel and suspect identifier a case stores (and linkage will index), each
 * with the Chinese word an officer reads.
 */
public enum IdentifierKind {
    PHONE("电话", true),
    BANK_CARD("银行卡", true),
    ACCOUNT("账号", true),
    URL("网址", false),
    QQ("QQ", true),
    WECHAT("微信", true),
    ALIPAY("支付宝", true),
    APP("APP", false),
    IMEI("IMEI", true);

    private final String zh;
    private final boolean personal;

    IdentifierKind(String zh, boolean personal) {
        this.zh = zh;
        this.personal = personal;
    }

    public String zh() {
        return zh;
    }

    /**
     * Whether the identifier may name a person (a phone, an account, a chat id, a device), so it is
     * masked by default; URLs and app names belong to the fraud and are shown whole.
     */
    public boolean personal() {
        return personal;
    }
}
