package io.jiesu.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small made-up tickets of three units, each in its own words, mixed with words every ticket uses. */
final class Tickets {
    static final String CITY = "城管局";
    static final String TRANSPORT = "交通局";
    static final String EDUCATION = "教育局";

    private static final String[][] WORDS = {
            {"占道经营", "噪音扰民", "违章搭建", "乱扔垃圾", "夜市摊贩", "油烟污染"},
            {"公交线路", "红绿灯", "停车收费", "出租车", "道路拥堵", "公交站台"},
            {"学校收费", "学位分配", "老师补课", "幼儿园", "校车安全", "开学报名"}};
    private static final String[] COMMON = {"请相关部门尽快处理", "希望领导重视", "小区居民反映", "已经很久了",
            "严重影响生活", "多次反映没有结果"};

    private Tickets() {
    }

    static List<RoutingExample> history(int perUnit, long seed) {
        Random random = new Random(seed);
        String[] units = {CITY, TRANSPORT, EDUCATION};
        List<RoutingExample> out = new ArrayList<>();
        for (int i = 0; i < perUnit; i++) {
            for (int u = 0; u < units.length; u++) {
                out.add(RoutingExample.of(TicketText.of(text(random, u)), units[u]));
            }
        }
        return out;
    }

    static String text(Random random, int unit) {
        String[] own = WORDS[unit];
        return COMMON[random.nextInt(COMMON.length)] + "，" + own[random.nextInt(own.length)] + "问题，"
                + own[random.nextInt(own.length)] + "，" + COMMON[random.nextInt(COMMON.length)] + "。";
    }
}
