package io.purseguard.casework;

import io.purseguard.warning.FraudType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Writes case narratives (简要案情) the way victims and officers tell them, from the phrase bank in
 * {@code casework/narrative-phrases.txt}: an intro in the victim's or the officer's voice, how the
 * fraudster made contact, the hook, one to three steps of the scheme, the money, and how it ended,
 * each slot drawn from several variants and filled with names, amounts, cards, phones, chat ids,
 * URLs and apps. It writes the classifier's training corpus and the demo city's case history.
 *
 * <p>Held-out: a variant whose index is 3 modulo 4 is only written into {@link Split#HELD_OUT}
 * narratives, and never into {@link Split#TRAIN} ones, so the held-out score is the classifier's
 * score on sentences it has not seen.
 */
public final class NarrativeGenerator {

    /** Which variants a narrative may use. */
    public enum Split {
        TRAIN,
        HELD_OUT,
        /** any variant: the demo's history */
        ANY
    }

    /** Who the narrative is about; the generator fills in what is null. */
    public record Person(String name, Integer age, String gender, String occupation, String employer) {}

    /** A narrative and what it says. */
    public record Narrative(FraudType type, String text, BigDecimal loss, String receivingCard, String bank) {}

    private static final String[] SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
                    .split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩凯健俊帆帅旭宁龙林欢阳佳琪雪梅婷慧莉倩颖琳晶".split("");
    private static final String[] OCCUPATIONS = {
        "在校大学生", "个体经营户", "公司职员", "退休教师", "外卖骑手", "会计", "家庭主妇", "工厂工人", "护士", "销售员", "农民", "自由职业者", "快递员", "公务员", "程序员"
    };
    private static final String[] EMPLOYERS = {"澄川电子厂", "市第一医院", "青石镇中学", "某物流公司", "一家超市", "某科技公司", "澄川纺织厂", "县农商行"};
    private static final String[] PLACES = {"青石镇", "城关街道", "澄江社区", "河西村", "新华小区", "东湖花园", "南门社区", "柳岸村"};
    private static final String[] APPS = {
        "融易贷", "聚财宝", "星火兼职", "鑫汇通", "U钱包", "速达贷", "盈通国际", "拼多客", "云鼎金融", "快乐淘", "同城速聘", "金牛证券", "优享会", "乐游交易", "海纳理财",
        "闪电借"
    };
    private static final String[] TLDS = {"com", "cn", "top", "vip", "xyz", "net", "cc", "com.cn"};
    private static final String[] SYLLABLES = {
        "jin", "cai", "fu", "hui", "tong", "da", "xin", "rong", "bao", "li", "yun", "an", "hua", "sheng", "kuai"
    };
    private static final String[] BINS = {
        "622202", "622848", "621700", "621661", "622260", "622588", "621799", "622908", "623059"
    };
    private static final String[] BANK_NAMES = {"工商银行", "农业银行", "建设银行", "中国银行", "交通银行", "招商银行", "邮储银行", "兴业银行", "农商银行"};
    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)}");

    private static final Map<String, List<String>> PHRASES = load();

    private NarrativeGenerator() {}

    public static Narrative generate(FraudType type, Person person, Random random, Split split) {
        return generate(type, person, null, random, split);
    }

    /** A narrative of the type, about the person, with the loss given (or drawn for the type when null). */
    public static Narrative generate(FraudType type, Person person, BigDecimal loss, Random random, Split split) {
        var money = loss == null ? typicalLoss(type, random) : loss;
        int bank = random.nextInt(BINS.length);
        var card = card(BINS[bank], random);
        var values = new HashMap<String, String>();
        var gender = person != null && person.gender() != null ? person.gender() : random.nextBoolean() ? "男" : "女";
        values.put("name", person != null && person.name() != null ? person.name() : name(random));
        values.put("gender", gender);
        values.put(
                "age", String.valueOf(person != null && person.age() != null ? person.age() : 18 + random.nextInt(55)));
        values.put(
                "occupation",
                person != null && person.occupation() != null ? person.occupation() : pick(OCCUPATIONS, random));
        values.put(
                "employer", person != null && person.employer() != null ? person.employer() : pick(EMPLOYERS, random));
        values.put("place", pick(PLACES, random));
        values.put("month", String.valueOf(1 + random.nextInt(12)));
        values.put("day", String.valueOf(1 + random.nextInt(28)));
        values.put("times", String.valueOf(2 + random.nextInt(7)));
        values.put("card", spaced(card, random));
        values.put("holder", name(random));
        values.put("bank", BANK_NAMES[bank]);
        values.put(
                "alipay", random.nextBoolean() ? mobile(random) : pinyin(random) + random.nextInt(1000) + "@163.com");
        values.put("amount", money(money, random));
        values.put("phone", mobile(random));
        values.put("qq", String.valueOf(10_000 + random.nextInt(2_000_000_000 - 10_000)));
        values.put("wx", pinyin(random) + (random.nextBoolean() ? "_" : "") + random.nextInt(10_000));
        values.put("url", url(random));
        values.put("app", "「" + pick(APPS, random) + "」");
        var text = new StringBuilder();
        text.append(pick("ANY.intro", random, split, values));
        if (random.nextInt(3) > 0) {
            text.append(pick("ANY.when", random, split, values));
        }
        text.append(pick(type + ".contact", random, split, values));
        text.append(pick(type + ".hook", random, split, values));
        int steps = 1 + random.nextInt(3);
        var used = new ArrayList<String>();
        for (int i = 0; i < steps; i++) {
            var step = pick(type + ".process", random, split, values);
            if (!used.contains(step)) {
                used.add(step);
                text.append(step);
            }
        }
        text.append(pick("ANY.money", random, split, values));
        if (random.nextInt(4) > 0) {
            text.append(pick("ANY.end", random, split, values));
        }
        return new Narrative(type, text.toString(), money, card, BANK_NAMES[bank]);
    }

    /** A loss drawn for the type: investment and romance frauds take the most, game trades the least. */
    public static BigDecimal typicalLoss(FraudType type, Random random) {
        double median =
                switch (type) {
                    case FAKE_INVESTMENT -> 80_000;
                    case ROMANCE -> 60_000;
                    case IMPERSONATE_AUTHORITY -> 50_000;
                    case REBATE_ORDERS -> 15_000;
                    case FAKE_CREDIT_REPAIR, FAKE_CUSTOMER_SERVICE -> 20_000;
                    case IMPERSONATE_ACQUAINTANCE -> 30_000;
                    case FAKE_LOAN -> 6_000;
                    case FAKE_SHOPPING -> 2_500;
                    case GAME_TRADE -> 1_500;
                    case OTHER -> 5_000;
                };
        double value = median * Math.exp(random.nextGaussian() * 1.1);
        // people and officers round: to the hundred below ten thousand, to the thousand above
        long rounded = value < 10_000 ? Math.round(value / 100) * 100 : Math.round(value / 1000) * 1000;
        return BigDecimal.valueOf(Math.max(200, rounded)).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String pick(String section, Random random, Split split, Map<String, String> values) {
        var variants = PHRASES.get(section);
        if (variants == null || variants.isEmpty()) {
            throw new IllegalStateException("no phrases for " + section);
        }
        int index;
        do {
            index = random.nextInt(variants.size());
        } while (split == Split.TRAIN && index % 4 == 3
                || split == Split.HELD_OUT && isTypeSlot(section) && index % 4 != 3);
        var m = SLOT.matcher(variants.get(index));
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, java.util.regex.Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(out).toString();
    }

    /** A held-out narrative's type-specific sentences are all held-out variants; the shared ones are any. */
    private static boolean isTypeSlot(String section) {
        return !section.startsWith("ANY.");
    }

    private static String money(BigDecimal amount, Random random) {
        long yuan = amount.longValue();
        int style = random.nextInt(6);
        if (style == 0 && yuan >= 10_000) {
            return amount.divide(BigDecimal.valueOf(10_000))
                            .stripTrailingZeros()
                            .toPlainString() + "万元";
        }
        if (style == 1 && yuan >= 10_000) {
            return amount.divide(BigDecimal.valueOf(10_000))
                            .stripTrailingZeros()
                            .toPlainString() + "万";
        }
        if (style == 2 && yuan % 100 == 0) {
            return chinese(yuan) + "元";
        }
        if (style == 3) {
            return "¥" + String.format("%,d", yuan);
        }
        if (style == 4) {
            return "人民币" + yuan + "元";
        }
        return yuan + "元";
    }

    /** Chinese numerals for a whole number below a hundred million: 35000 → 三万五千. */
    static String chinese(long n) {
        if (n >= 10_000) {
            long rest = n % 10_000;
            return below10000(n / 10_000) + "万" + (rest == 0 ? "" : (rest < 1000 ? "零" : "") + below10000(rest));
        }
        return below10000(n);
    }

    private static String below10000(long n) {
        String digits = "零一二三四五六七八九";
        String[] units = {"千", "百", "十", ""};
        long[] scale = {1000, 100, 10, 1};
        var out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            int d = (int) (n / scale[i] % 10);
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            if (!(d == 1 && i == 2 && out.length() == 0)) {
                out.append(d == 2 && i < 2 ? '两' : digits.charAt(d));
            }
            out.append(units[i]);
        }
        return out.length() == 0 ? "零" : out.toString();
    }

    static String card(String bin, Random random) {
        var digits = new StringBuilder(bin);
        int length = random.nextInt(3) == 0 ? 16 : 19;
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            if (Identifiers.luhn(digits.toString() + check)) {
                return digits.append(check).toString();
            }
        }
        throw new IllegalStateException();
    }

    private static String spaced(String card, Random random) {
        if (random.nextInt(3) != 0) {
            return card;
        }
        return card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private static String mobile(Random random) {
        String[] prefixes = {"138", "139", "137", "150", "151", "158", "186", "187", "177", "199", "135", "182"};
        return pick(prefixes, random) + String.format("%08d", random.nextInt(100_000_000));
    }

    private static String url(Random random) {
        var host = pinyin(random) + (random.nextBoolean() ? "" : String.valueOf(random.nextInt(100))) + "."
                + pick(TLDS, random);
        return switch (random.nextInt(4)) {
            case 0 -> "https://" + host + "/app";
            case 1 -> "www." + host;
            case 2 -> "http://" + host + "/reg?id=" + random.nextInt(9999);
            default -> host;
        };
    }

    private static String pinyin(Random random) {
        return pick(SYLLABLES, random) + pick(SYLLABLES, random);
    }

    private static String name(Random random) {
        return pick(SURNAMES, random) + pick(GIVEN, random) + (random.nextBoolean() ? pick(GIVEN, random) : "");
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static Map<String, List<String>> load() {
        var sections = new HashMap<String, List<String>>();
        var stream = NarrativeGenerator.class.getResourceAsStream("/casework/narrative-phrases.txt");
        if (stream == null) {
            throw new IllegalStateException("casework/narrative-phrases.txt is missing");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sections;
    }
}
