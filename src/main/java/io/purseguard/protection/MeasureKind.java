package io.purseguard.protection;

/**
 * The protective measures of "五快" (DOMAIN.md steps 5 and 7), each with who carries it out and the
 * legal basis printed on its notice.
 */
public enum MeasureKind {
    /** 紧急止付: 48 hours from execution; at most two for one account and case. */
    STOP_PAYMENT(Channel.BANK, "《电信网络新型违法犯罪案件冻结资金返还若干规定》《公安机关办理刑事案件程序规定》紧急止付"),
    /** 冻结: six months, renewable; an alarm seven days before it lapses. */
    FREEZE(Channel.BANK, "《中华人民共和国刑事诉讼法》第一百四十四条、《公安机关办理刑事案件程序规定》"),
    /** 解冻返还: frozen money back to the victim within three working days of the decision. */
    UNFREEZE_RETURN(Channel.BANK, "《电信网络新型违法犯罪案件冻结资金返还若干规定》"),
    /** 限制/暂停: a phone number's service, with the reason and the appeal route (反电信网络诈骗法 Art. 32). */
    PHONE_RESTRICTION(Channel.CARRIER, "《中华人民共和国反电信网络诈骗法》第三十二条"),
    /** 封堵 of a URL. */
    URL_BLOCK(Channel.BLOCKING, "《中华人民共和国反电信网络诈骗法》第二十六条"),
    /** 封堵 of an app. */
    APP_BLOCK(Channel.BLOCKING, "《中华人民共和国反电信网络诈骗法》第二十六条"),
    /** 断卡: a person's cards and accounts, with the reason and an appeal path (反电信网络诈骗法 Art. 31). */
    CARD_CUT(Channel.BANK, "《中华人民共和国反电信网络诈骗法》第三十一条");

    /** Who is on the other end. */
    public enum Channel {
        BANK,
        CARRIER,
        /** the national blocking platform for URLs and apps */
        BLOCKING
    }

    private final Channel channel;
    private final String legalBasis;

    MeasureKind(Channel channel, String legalBasis) {
        this.channel = channel;
        this.legalBasis = legalBasis;
    }

    public Channel channel() {
        return channel;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** Whether the person may appeal, and the measure is lifted at once when the appeal is upheld. */
    public boolean appealable() {
        return this == PHONE_RESTRICTION || this == CARD_CUT;
    }

    /** Whether the measure holds money (counted as money protected). */
    public boolean holdsMoney() {
        return this == STOP_PAYMENT || this == FREEZE;
    }

    /** The short mark on the notice's number, e.g. 止 in 澄反止〔2026〕000123号. */
    String documentMark() {
        return switch (this) {
            case STOP_PAYMENT -> "止";
            case FREEZE -> "冻";
            case UNFREEZE_RETURN -> "返";
            case PHONE_RESTRICTION -> "限";
            case URL_BLOCK, APP_BLOCK -> "封";
            case CARD_CUT -> "断";
        };
    }
}
