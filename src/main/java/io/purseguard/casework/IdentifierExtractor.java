package io.purseguard.casework;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phones, cards, accounts, URLs, QQ and WeChat ids, Alipay accounts, app names and IMEIs in a
 * narrative. Recall comes first (the officer removes a wrong one with a click): the patterns that say
 * what they are ("微信号：…", "QQ…", "支付宝…", "IMEI…", a quoted name after 下载) claim their text first,
 * then URLs, then runs of digits, which are typed by their length, prefix, Luhn digit and the words
 * before them. Full-width digits and letters are folded first, one character for one, so the offsets
 * are the original text's.
 */
final class IdentifierExtractor {

    private static final String SEP = "\\s*(?:号码|号|账号|账户|ID|id)?\\s*[:：是为]?\\s*";

    private static final Pattern QQ = Pattern.compile("(?i)(?:QQ|扣扣|企鹅)" + SEP + "([1-9]\\d{4,10})(?!\\d)");
    private static final Pattern WECHAT = Pattern.compile(
            "(?i)(?:微信|wechat|weixin|vx|wx|v信|薇信|威信)" + SEP + "([A-Za-z0-9][-_A-Za-z0-9]{4,19})(?![-_A-Za-z0-9])");
    private static final Pattern ALIPAY = Pattern.compile(
            "支付宝" + SEP + "([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}|\\+?\\d[\\d\\- ]{9,14}\\d)");
    private static final Pattern IMEI = Pattern.compile("(?i)(?:IMEI|串号|设备号)" + SEP + "(\\d{15})(?!\\d)");
    private static final Pattern APP_AFTER =
            Pattern.compile("(?:下载|安装|APP|App|app|软件|平台|注册)[^「“\"《。，,\\n]{0,8}?[「“\"《『]([^」”\"》』\\n]{1,20})[」”\"》』]");
    private static final Pattern APP_BEFORE =
            Pattern.compile("[「“\"《『]([^」”\"》』\\n]{1,20})[」”\"》』]\\s*(?:APP|App|app|软件|平台)");
    private static final Pattern URL_SCHEME =
            Pattern.compile("(?i)(?<![A-Za-z0-9])(?:https?|ftp)://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'*+,;=%]+");
    private static final Pattern URL_BARE = Pattern.compile("(?i)(?<![A-Za-z0-9@.\\-_])(?:www\\.)?"
            + "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
            + "(?:com|cn|net|org|top|xyz|vip|cc|io|app|shop|site|info|me|co|hk|club|online|ltd|tv|asia|win|bet|fun|link|pro|live)"
            + "(?::\\d{2,5})?(?:/[A-Za-z0-9\\-._~/?#=&%+]*)?(?![A-Za-z0-9])");
    private static final Pattern DIGITS =
            Pattern.compile("(?<![0-9A-Za-z.])\\+?\\d(?:[ \\-]?\\d){6,29}(?![0-9A-Za-z])");

    /** Words before a run of digits that say it is an account, within a few characters. */
    private static final Pattern ACCOUNT_WORDS = Pattern.compile("账号|账户|卡号|银行卡|卡|对公|收款|转入|转至|转到|尾号");

    private static final Pattern IMEI_WORDS = Pattern.compile("(?i)IMEI|串号|设备");

    private IdentifierExtractor() {}

    static List<FoundIdentifier> extract(String original) {
        var text = Widths.fold(original);
        var found = new ArrayList<FoundIdentifier>();
        var taken = new BitSet(text.length());
        claim(text, original, QQ, IdentifierKind.QQ, found, taken);
        claimWechat(text, original, found, taken);
        claim(text, original, ALIPAY, IdentifierKind.ALIPAY, found, taken);
        claim(text, original, IMEI, IdentifierKind.IMEI, found, taken);
        claim(text, original, APP_AFTER, IdentifierKind.APP, found, taken);
        claim(text, original, APP_BEFORE, IdentifierKind.APP, found, taken);
        claimUrls(text, original, URL_SCHEME, found, taken);
        claimUrls(text, original, URL_BARE, found, taken);
        var digits = DIGITS.matcher(text);
        while (digits.find()) {
            if (!free(taken, digits.start(), digits.end())) {
                continue;
            }
            number(text, original, digits.start(), digits.end(), found, taken);
        }
        found.sort(Comparator.comparingInt(FoundIdentifier::start)
                .thenComparing(f -> f.kind().ordinal()));
        return found;
    }

    private static void claim(
            String text,
            String original,
            Pattern pattern,
            IdentifierKind kind,
            List<FoundIdentifier> found,
            BitSet taken) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            if (!free(taken, start, end)) {
                continue;
            }
            var value = original.substring(start, end);
            Identifiers.normalize(kind, value).ifPresent(key -> {
                found.add(new FoundIdentifier(kind, value, key, start, end, null));
                taken.set(start, end);
            });
        }
    }

    /** A WeChat id that is a mobile number is both: the account is usually registered to that phone. */
    private static void claimWechat(String text, String original, List<FoundIdentifier> found, BitSet taken) {
        Matcher m = WECHAT.matcher(text);
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            if (!free(taken, start, end)) {
                continue;
            }
            var value = original.substring(start, end);
            var key = Identifiers.normalize(IdentifierKind.WECHAT, value);
            if (key.isEmpty()) {
                continue;
            }
            found.add(new FoundIdentifier(IdentifierKind.WECHAT, value, key.get(), start, end, null));
            Identifiers.normalize(IdentifierKind.PHONE, value)
                    .ifPresent(phone ->
                            found.add(new FoundIdentifier(IdentifierKind.PHONE, value, phone, start, end, null)));
            taken.set(start, end);
        }
    }

    private static void claimUrls(
            String text, String original, Pattern pattern, List<FoundIdentifier> found, BitSet taken) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            // a sentence's full stop or a bracket is not part of the address
            while (end > start && ".,;:!?)]'".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (!free(taken, start, end)) {
                continue;
            }
            var value = original.substring(start, end);
            int s = start;
            int e = end;
            Identifiers.normalize(IdentifierKind.URL, value).ifPresent(key -> {
                found.add(new FoundIdentifier(IdentifierKind.URL, value, key, s, e, null));
                taken.set(s, e);
            });
        }
    }

    /** Types a run of digits; a run of several numbers separated by spaces is tried number by number. */
    private static void number(
            String text, String original, int start, int end, List<FoundIdentifier> found, BitSet taken) {
        var value = original.substring(start, end);
        var digits = text.substring(start, end).replaceAll("[^0-9]", "");
        var before = text.substring(Math.max(0, start - 12), start);
        var kind = typeOf(digits, before);
        boolean weak = kind == null || kind == IdentifierKind.ACCOUNT;
        if (weak && text.substring(start, end).matches(".*\\d[ \\-]\\d.*")) {
            // "13912345678 13812345678": two numbers a space apart are two, when each is one
            var parts = new ArrayList<FoundIdentifier>();
            var part = Pattern.compile("\\+?\\d+(?:-\\d+)*").matcher(text.substring(start, end));
            while (part.find()) {
                var d = part.group().replaceAll("[^0-9]", "");
                var k = d.length() >= 7 ? typeOf(d, before) : null;
                if (k != null && k != IdentifierKind.ACCOUNT) {
                    int s = start + part.start();
                    int e = start + part.end();
                    parts.add(identifier(k, original.substring(s, e), d, s, e));
                }
            }
            if (!parts.isEmpty()) {
                parts.forEach(p -> taken.set(p.start(), p.end()));
                found.addAll(parts);
                return;
            }
        }
        if (kind == null) {
            return;
        }
        found.add(identifier(kind, value, digits, start, end));
        taken.set(start, end);
    }

    private static FoundIdentifier identifier(IdentifierKind kind, String value, String digits, int start, int end) {
        var key = kind == IdentifierKind.PHONE
                ? Identifiers.normalize(kind, digits).orElse(digits)
                : digits;
        var bank = kind == IdentifierKind.BANK_CARD ? Identifiers.bankOf(digits).orElse(null) : null;
        return new FoundIdentifier(kind, value, key, start, end, bank);
    }

    static IdentifierKind typeOf(String digits, String before) {
        int n = digits.length();
        if (Identifiers.normalize(IdentifierKind.PHONE, digits).isPresent()
                && (n == 11 || n == 13 && digits.startsWith("86") || n == 12 && digits.startsWith("01"))) {
            return IdentifierKind.PHONE;
        }
        if (n == 15 && Identifiers.luhn(digits) && IMEI_WORDS.matcher(before).find()) {
            return IdentifierKind.IMEI;
        }
        if (n >= 15 && n <= 19 && Identifiers.luhn(digits) && "3456".indexOf(digits.charAt(0)) >= 0) {
            return IdentifierKind.BANK_CARD;
        }
        if (Identifiers.normalize(IdentifierKind.PHONE, digits).isPresent() && digits.startsWith("0")) {
            return IdentifierKind.PHONE;
        }
        if (n >= 8 && n <= 30 && ACCOUNT_WORDS.matcher(before).find()) {
            return IdentifierKind.ACCOUNT;
        }
        if (n >= 12 && n <= 30) {
            // a long number with no word before it: most likely an account (recall over precision)
            return IdentifierKind.ACCOUNT;
        }
        return null;
    }

    private static boolean free(BitSet taken, int start, int end) {
        int next = taken.nextSetBit(start);
        return next < 0 || next >= end;
    }
}
