package io.purseguard.demo;

import java.util.SplittableRandom;

/** Chinese personal names, weighted like a real county: common surnames, given names by generation. */
final class Names {

    // the most common surnames, most frequent first; picked with a falling weight
    private static final String[] SURNAMES = (""
                    + "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                    + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
            .split("");

    // given names go out of fashion: three generations by birth year
    private static final String[][] MALE = {
        "建国,国强,德明,志刚,文华,永福,春生,长海,国庆,振华,德胜,富贵,树林,玉山,金海,宝山,有才,成林,光明,卫东,运生,贵才".split(","),
        "伟,强,磊,军,勇,杰,涛,斌,超,鹏,志强,建华,海涛,晓东,俊杰,文斌,国栋,立新,明辉,建军,永强,少华,浩,刚,波,辉,亮,平,峰,勇军".split(","),
        "子轩,浩然,宇轩,梓豪,俊熙,博文,一鸣,天佑,睿,皓轩,子墨,宇航,思远,家豪,铭,泽宇,奕辰,锦程,俊豪,浩宇,煜,晨阳,明轩,逸飞,梓睿,承泽,嘉树,沐阳".split(",")
    };
    private static final String[][] FEMALE = {
        "秀英,桂兰,玉兰,秀兰,桂英,凤英,淑珍,玉珍,翠花,秀珍,春梅,冬梅,金凤,素芳,美华,兰英,桂芳,秀芝,玉梅,月娥,素珍,菊英".split(","),
        "丽,芳,娜,静,敏,燕,艳,霞,玲,红梅,丽娟,晓燕,婷,慧,秀梅,海燕,丽华,雪梅,春燕,小红,莉,琳,倩,萍,洁,颖,晶,琴,红,娟".split(","),
        "欣怡,梓涵,诗涵,雨桐,可馨,子涵,紫萱,梦琪,思琪,一诺,语嫣,若汐,雨欣,佳怡,梓萱,雅琪,心怡,芷若,诗琪,悦,婉清,梦瑶,晨曦,依诺,思彤,欣妍,雨萱,语桐".split(",")
    };

    private Names() {}

    static String surname(SplittableRandom random) {
        // min of two uniforms favours the front of the list, as real surname frequencies do
        int i = Math.min(random.nextInt(SURNAMES.length), random.nextInt(SURNAMES.length));
        return SURNAMES[i];
    }

    static String given(SplittableRandom random, boolean female, int birthYear) {
        int era = birthYear < 1965 ? 0 : birthYear < 1995 ? 1 : 2;
        String[] pool = female ? FEMALE[era] : MALE[era];
        return pool[random.nextInt(pool.length)];
    }
}
