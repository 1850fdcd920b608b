package io.jiesu.knowledge.bench;

import io.jiesu.core.knowledge.SearchableArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Articles and caller questions made up from the vocabulary of a city hotline: the matters callers ask about (housing
 * fund, social insurance, heating, licences…), the districts, streets and communities that make a big knowledge base
 * big (the same matter answered for each place and kind of person), and the way callers phrase things. Deterministic
 * for a seed, so two runs of the benchmark search the same articles.
 */
public final class SyntheticArticles {
    /** One matter: its words, how its questions and answers are phrased, who answers for it and on what basis. */
    record Topic(String matter, String category, String unit, String basis, String[] things, String[] questions,
                 String answer, String[] callerWords) {
    }

    static final String[] DISTRICTS = {"东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区",
        "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"};
    static final String[] STREET_ROOTS = {"和平", "建国", "光明", "新华", "朝阳", "东风", "前进", "长安", "永定", "团结",
        "安定", "德胜", "花园", "金融", "望京", "双井", "清河", "西山", "龙泉", "青龙", "南苑", "北苑", "天通", "回龙",
        "马坡", "仁和", "石园", "李桥", "潞城", "宋庄", "永乐", "梨园", "黄村", "亦庄", "良乡", "城关", "古城", "鲁谷"};
    static final String[] STREET_KINDS = {"街道", "镇", "地区"};
    static final String[] COMMUNITY_SUFFIX = {"里社区", "园社区", "苑社区", "家园社区", "东里社区", "西里社区", "北区社区"};
    static final String[] PEOPLE = {"本市户籍人员", "外地户籍人员", "灵活就业人员", "退休人员", "在校学生", "现役军人家属",
        "残疾人", "六十岁以上老人", "企业职工", "个体工商户", "新就业大学生", "港澳台居民", "外籍人员", "低保家庭"};
    static final String[] WAYS = {"线上", "窗口", "自助终端", "手机App", "政务服务网", "微信公众号", "邮寄"};
    static final String[] MATERIALS = {"居民身份证", "户口簿", "结婚证", "出生医学证明", "房屋租赁合同", "不动产权证书",
        "劳动合同", "银行卡", "近期免冠照片", "申请表", "单位证明", "社会保障卡", "营业执照", "委托书"};
    static final String[] FILLER = {"你好，", "请问", "我想问一下，", "麻烦问下", "", "", "您好我咨询一下", "那个，"};

    static final Topic[] TOPICS = {
        new Topic("fund-withdraw", "housing", "住房公积金管理中心", "《住房公积金管理条例》",
            new String[]{"购房提取", "租房提取", "离职提取", "退休提取", "偿还贷款提取", "装修提取"},
            new String[]{"{place}{who}办理住房公积金{thing}需要哪些材料", "{who}住房公积金{thing}的条件是什么",
                "{place}住房公积金{thing}在哪里办理", "住房公积金{thing}多久到账"},
            "{who}申请住房公积金{thing}，可通过{way}办理，需提供{material}和{material2}，审核通过后一般{days}个工作日内到账。",
            new String[]{"公积金能取出来吗", "租房子公积金怎么取", "辞职了公积金咋提", "公积金取钱要带啥"}),
        new Topic("fund-loan", "housing", "住房公积金管理中心", "《住房公积金管理条例》",
            new String[]{"贷款额度", "贷款利率", "贷款期限", "异地贷款", "组合贷款", "提前还款"},
            new String[]{"{place}住房公积金{thing}怎么计算", "{who}申请住房公积金{thing}有什么要求", "公积金{thing}在哪里申请"},
            "住房公积金{thing}按缴存余额和缴存年限计算，{who}可通过{way}申请，需提供{material}，最长不超过{days}年。",
            new String[]{"用公积金买房能贷多少", "公积金贷款利息多少", "能提前还公积金贷款吗"}),
        new Topic("ss-card", "social-insurance", "人力资源和社会保障局", "《社会保险法》",
            new String[]{"申领", "挂失", "补办", "换卡", "激活", "密码重置", "信息变更"},
            new String[]{"{place}社会保障卡{thing}怎么办理", "{who}社保卡{thing}需要什么材料", "社保卡{thing}去哪里办"},
            "社会保障卡{thing}可到{place}社保卡服务网点或通过{way}办理，携带{material}，{days}个工作日后领取。",
            new String[]{"社保卡丢了咋办", "社保卡密码忘了", "社保卡没激活能用吗"}),
        new Topic("medical-claim", "medical", "医疗保障局", "《社会保险法》",
            new String[]{"门诊报销", "住院报销", "异地就医备案", "大病保险", "特殊病种", "生育医疗费用报销"},
            new String[]{"{who}医保{thing}比例是多少", "{place}医保{thing}怎么办理", "{who}办理{thing}需要什么材料"},
            "{who}{thing}按规定比例结算，可通过{way}办理，需提供{material}和医疗费用票据，{days}个工作日内完成审核。",
            new String[]{"看病能报多少", "在外地看病怎么报销", "医保报销要带啥"}),
        new Topic("residence-permit", "household", "公安局", "《居住证暂行条例》",
            new String[]{"居住证申领", "居住证签注", "居住证补领", "居住登记"},
            new String[]{"{place}{who}办理{thing}需要什么条件", "{thing}在哪里办理", "{who}{thing}要多久"},
            "{who}在{place}居住半年以上，可到社区服务站申请{thing}，提供{material}和{material2}，{days}个工作日内制证。",
            new String[]{"外地人在这边住要办什么证", "暂住证怎么办"}),
        new Topic("hukou", "household", "公安局", "《户口登记条例》",
            new String[]{"新生儿落户", "户口迁入", "户口迁出", "投靠落户", "人才引进落户", "户口簿补办"},
            new String[]{"{place}{thing}需要什么材料", "{who}{thing}的流程是什么", "{thing}去哪个派出所办理"},
            "办理{thing}，由申请人持{material}、{material2}到{place}户籍所在地派出所申请，符合条件的当场或{days}个工作日内办结。",
            new String[]{"孩子生了怎么上户口", "户口怎么迁过来"}),
        new Topic("property-registration", "housing", "规划和自然资源委员会", "《不动产登记暂行条例》",
            new String[]{"首次登记", "转移登记", "抵押登记", "更正登记", "继承登记", "不动产权证书补发"},
            new String[]{"{place}不动产{thing}需要多长时间", "不动产{thing}需要哪些材料", "{who}办理不动产{thing}的费用"},
            "不动产{thing}可在{place}不动产登记中心或通过{way}申请，提交{material}和{material2}，一般{days}个工作日内办结。",
            new String[]{"房本多久能下来", "房产证丢了怎么办", "买了二手房怎么过户"}),
        new Topic("income-tax", "tax", "税务局", "《个人所得税法》",
            new String[]{"年度汇算", "专项附加扣除", "子女教育扣除", "住房贷款利息扣除", "赡养老人扣除", "退税"},
            new String[]{"{who}个人所得税{thing}怎么办理", "个税{thing}的标准是多少", "{thing}在哪里申报"},
            "{who}可通过个人所得税App办理{thing}，按规定填写{material}信息，{days}日内完成审核。",
            new String[]{"个税怎么退", "孩子上学个税能扣多少"}),
        new Topic("pension", "social-insurance", "人力资源和社会保障局", "《社会保险法》",
            new String[]{"领取条件", "待遇调整", "资格认证", "转移接续", "一次性缴费", "延迟领取"},
            new String[]{"{who}养老金{thing}是怎样的", "{place}养老保险{thing}怎么办", "养老金{thing}在哪里查询"},
            "{who}养老保险{thing}按国家和本市规定执行，可通过{way}办理，携带{material}，{days}个工作日内办结。",
            new String[]{"退休金每年涨多少", "养老钱啥时候能领"}),
        new Topic("unemployment", "social-insurance", "人力资源和社会保障局", "《失业保险条例》",
            new String[]{"失业保险金申领", "失业登记", "领取期限", "技能提升补贴", "失业期间医保"},
            new String[]{"{who}{thing}需要什么条件", "{place}{thing}怎么办理", "{thing}每月多少钱"},
            "{who}办理{thing}，可通过{way}或到{place}公共就业服务机构申请，提供{material}，{days}个工作日内审核。",
            new String[]{"被辞退了能领钱吗", "失业了每个月给多少"}),
        new Topic("maternity", "social-insurance", "医疗保障局", "《社会保险法》",
            new String[]{"生育津贴", "产前检查费", "生育医疗费", "生育保险待遇", "产假天数"},
            new String[]{"{who}{thing}怎么计算", "{place}{thing}如何申领", "{thing}多久发放"},
            "{who}{thing}按用人单位上年度职工月平均工资计算，由单位通过{way}申报，提供{material}，{days}个工作日内发放。",
            new String[]{"生孩子单位给多少钱", "产假工资谁发"}),
        new Topic("business-licence", "enterprise", "市场监督管理局", "《市场主体登记管理条例》",
            new String[]{"设立登记", "变更登记", "注销登记", "年报公示", "经营范围变更", "执照补领"},
            new String[]{"{place}营业执照{thing}怎么办理", "{who}办理{thing}需要哪些材料", "营业执照{thing}多长时间"},
            "办理营业执照{thing}，可登录{way}或到{place}政务服务中心市场监管窗口申请，提交{material}，{days}个工作日内办结。",
            new String[]{"开个小店要办什么", "公司不干了怎么注销"}),
        new Topic("driving-licence", "traffic", "公安交通管理局", "《机动车驾驶证申领和使用规定》",
            new String[]{"到期换证", "遗失补证", "异地转入", "扣分查询", "体检", "增驾"},
            new String[]{"驾驶证{thing}怎么办理", "{place}驾驶证{thing}在哪里办", "{who}驾驶证{thing}需要什么材料"},
            "驾驶证{thing}可通过交管12123App或到{place}车管所办理，提供{material}和体检证明，{days}个工作日内办结。",
            new String[]{"驾照到期了怎么换", "驾照丢了咋补"}),
        new Topic("vehicle", "traffic", "公安交通管理局", "《机动车登记规定》",
            new String[]{"新车上牌", "过户", "年检", "报废", "号牌补领", "外地车进京证"},
            new String[]{"{place}机动车{thing}流程", "小汽车{thing}需要什么材料", "{thing}在哪里办理"},
            "机动车{thing}可在{place}车管所或通过{way}办理，提供{material}、车辆购置税完税证明等，{days}个工作日内办结。",
            new String[]{"新买的车怎么上牌", "车多久要年检"}),
        new Topic("exit-entry", "travel", "出入境管理局", "《出境入境管理法》",
            new String[]{"护照办理", "港澳通行证", "台湾通行证", "签注", "证件加急"},
            new String[]{"{place}{thing}需要带什么", "{who}办理{thing}要多久", "{thing}在哪里办"},
            "{who}办理{thing}，可到{place}出入境接待大厅或通过{way}预约，提供{material}，{days}个工作日内出证。",
            new String[]{"出国要办护照吗", "去香港要办什么证"}),
        new Topic("school", "education", "教育委员会", "《义务教育法》",
            new String[]{"小学入学", "初中入学", "幼儿园报名", "转学", "学籍", "随迁子女入学"},
            new String[]{"{place}{thing}需要哪些材料", "{who}子女{thing}条件", "{thing}什么时候报名"},
            "{place}{thing}通过{way}登记，{who}需提供{material}、{material2}，{days}月公布结果。",
            new String[]{"孩子上小学要准备啥", "外地孩子能在这上学吗"}),
        new Topic("heating", "utilities", "城市管理委员会", "《供热采暖管理办法》",
            new String[]{"供暖时间", "室温标准", "暖气不热", "供暖费缴纳", "停暖申请", "供暖补贴"},
            new String[]{"{place}{thing}是怎样规定的", "{place}{thing}找谁", "{who}{thing}怎么办"},
            "{place}{thing}按本市规定执行，室温不低于18℃；可通过{way}联系供热单位，{days}小时内上门处理。",
            new String[]{"家里暖气不热找谁", "暖气费怎么交", "什么时候来暖气"}),
        new Topic("gas", "utilities", "城市管理委员会", "《城镇燃气管理条例》",
            new String[]{"开户", "燃气费缴纳", "燃气表故障", "安全检查", "燃气报修", "改管"},
            new String[]{"{place}燃气{thing}怎么办理", "天然气{thing}找哪里", "{who}燃气{thing}需要什么"},
            "燃气{thing}可通过{way}或到{place}燃气公司营业厅办理，提供{material}，{days}个工作日内处理。",
            new String[]{"煤气没气了怎么办", "天然气怎么交钱", "家里闻到煤气味"}),
        new Topic("water-power", "utilities", "城市管理委员会", "《电力供应与使用条例》",
            new String[]{"停水", "停电", "水费缴纳", "电费缴纳", "水表更换", "电表过户"},
            new String[]{"{place}{thing}怎么查询", "{thing}找哪个部门", "{who}{thing}如何办理"},
            "{place}{thing}可通过{way}查询或办理，计划停水停电提前公告，报修后{days}小时内到场。",
            new String[]{"家里突然没电了", "小区停水多久来"}),
        new Topic("property-service", "housing", "住房和城乡建设委员会", "《物业管理条例》",
            new String[]{"物业费收费标准", "更换物业", "业主委员会成立", "维修资金使用", "电梯维修", "公共区域维修"},
            new String[]{"{place}小区{thing}怎么处理", "{thing}需要什么程序", "{who}{thing}找谁"},
            "{thing}按照《物业管理条例》由业主共同决定，可向{place}街道物业管理部门反映，{days}个工作日内答复。",
            new String[]{"物业不管事怎么办", "电梯坏了没人修"}),
        new Topic("waste", "environment", "城市管理委员会", "《生活垃圾管理条例》",
            new String[]{"垃圾分类标准", "大件垃圾清运", "装修垃圾", "厨余垃圾投放", "垃圾桶站设置"},
            new String[]{"{place}{thing}是怎样的", "{thing}怎么处理", "{who}{thing}有什么规定"},
            "{place}{thing}按照《生活垃圾管理条例》执行，可联系社区或物业预约，{days}日内清运。",
            new String[]{"旧沙发怎么扔", "剩饭剩菜扔哪个桶"}),
        new Topic("wages", "labour", "人力资源和社会保障局", "《保障农民工工资支付条例》",
            new String[]{"拖欠工资", "最低工资标准", "加班费", "劳动合同", "劳动仲裁", "经济补偿"},
            new String[]{"{who}{thing}怎么维权", "{place}{thing}是多少", "{thing}向哪个部门投诉"},
            "{who}遇到{thing}问题，可向{place}劳动保障监察机构投诉或申请劳动仲裁，提供{material}，{days}个工作日内受理。",
            new String[]{"老板不给钱怎么办", "干活不发工资找谁"}),
        new Topic("noise", "environment", "生态环境局", "《噪声污染防治法》",
            new String[]{"施工噪音", "夜间施工", "广场舞噪音", "商铺噪音", "装修噪音"},
            new String[]{"{place}{thing}扰民找谁", "{thing}有什么规定", "{thing}可以投诉吗"},
            "{thing}按《噪声污染防治法》管理，夜间22时至次日6时禁止产生噪声的施工，可向{place}城管执法部门反映。",
            new String[]{"晚上施工吵得睡不着", "楼下跳舞太吵"}),
        new Topic("low-income", "civil-affairs", "民政局", "《社会救助暂行办法》",
            new String[]{"低保申请", "临时救助", "特困供养", "低收入家庭认定", "残疾人补贴"},
            new String[]{"{place}{thing}需要什么条件", "{who}{thing}怎么申请", "{thing}标准是多少"},
            "{who}申请{thing}，向{place}街道社会救助窗口提出，提供{material}、{material2}，{days}个工作日内审核。",
            new String[]{"家里困难能领补助吗", "生活困难找谁"}),
        new Topic("public-housing", "housing", "住房和城乡建设委员会", "《公共租赁住房管理办法》",
            new String[]{"公租房申请", "公租房租金", "保障性租赁住房", "共有产权房", "租房补贴"},
            new String[]{"{place}{thing}条件", "{who}{thing}怎么办理", "{thing}多久能轮到"},
            "{who}符合条件的可向{place}住房保障部门申请{thing}，提供{material}，审核公示后{days}个月内轮候配租。",
            new String[]{"买不起房能租政府的房子吗", "廉租房怎么申请"}),
        new Topic("marriage", "civil-affairs", "民政局", "《婚姻登记条例》",
            new String[]{"结婚登记", "离婚登记", "补领结婚证", "婚姻状况证明"},
            new String[]{"{place}{thing}需要什么材料", "{who}{thing}在哪里办", "{thing}可以预约吗"},
            "办理{thing}，当事人持{material}、{material2}到{place}婚姻登记处办理，可通过{way}预约。",
            new String[]{"领证要带什么", "结婚证丢了怎么补"}),
        new Topic("id-card", "household", "公安局", "《居民身份证法》",
            new String[]{"身份证首次申领", "身份证到期换领", "身份证挂失补领", "临时身份证", "异地办理身份证"},
            new String[]{"{place}{thing}需要多久", "{who}{thing}在哪里办理", "{thing}要带什么"},
            "{thing}可到{place}派出所户籍窗口办理，提供{material}和近期照片，{days}个工作日内领证。",
            new String[]{"身份证丢了怎么办", "身份证过期了还能用吗"}),
        new Topic("illegal-building", "urban", "城市管理综合行政执法局", "《城乡规划法》",
            new String[]{"违法建设举报", "私搭乱建", "楼顶加盖", "占用绿地", "地下室违规改造"},
            new String[]{"{place}{thing}怎么处理", "{thing}向谁举报", "{thing}多久能拆"},
            "{thing}由{place}城管执法部门查处，可通过{way}举报，核实后{days}个工作日内立案处理。",
            new String[]{"邻居在楼顶盖房子", "院子里私自盖房"}),
        new Topic("ebike", "traffic", "公安交通管理局", "《电动自行车安全技术规范》",
            new String[]{"电动自行车上牌", "电动车充电", "超标车过渡", "电动车停放", "电动车被盗"},
            new String[]{"{place}{thing}怎么办理", "{thing}有什么规定", "{who}{thing}找谁"},
            "{thing}按本市规定执行，可在{place}登记点或通过{way}办理，提供{material}和购车发票。",
            new String[]{"电瓶车怎么上牌", "楼道里能充电吗"}),
        new Topic("elderly", "civil-affairs", "民政局", "《老年人权益保障法》",
            new String[]{"高龄津贴", "养老助餐", "居家养老服务", "养老机构入住", "老年卡办理"},
            new String[]{"{place}{thing}怎么申请", "{who}{thing}标准", "{thing}在哪里办理"},
            "{who}可向{place}社区申请{thing}，提供{material}，审核通过后次月起享受。",
            new String[]{"老人吃饭有补贴吗", "老年卡怎么办"}),
    };

    private final Random random;

    public SyntheticArticles(long seed) {
        this.random = new Random(seed);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private String street() {
        return pick(STREET_ROOTS) + pick(STREET_KINDS);
    }

    private String place() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(DISTRICTS);
            case 1 -> pick(DISTRICTS) + street();
            case 2 -> street() + pick(STREET_ROOTS) + pick(COMMUNITY_SUFFIX);
            default -> "";
        };
    }

    private String fill(String template, String place, String who, String thing) {
        String material = pick(MATERIALS);
        String material2 = pick(MATERIALS);
        return template.replace("{place}", place).replace("{who}", who).replace("{thing}", thing)
                .replace("{way}", pick(WAYS)).replace("{material2}", material2).replace("{material}", material)
                .replace("{days}", Integer.toString(1 + random.nextInt(20)));
    }

    /** The next article: a matter asked for a place and a kind of person, in one of the matter's phrasings. */
    public SearchableArticle next(String id, Instant now) {
        Topic topic = TOPICS[random.nextInt(TOPICS.length)];
        String place = place();
        String who = random.nextInt(3) == 0 ? pick(PEOPLE) : "";
        String thing = pick(topic.things());
        String question = fill(pick(topic.questions()), place, who, thing);
        List<String> variants = new ArrayList<>();
        for (int v = random.nextInt(3); v > 0; v--) {
            variants.add(fill(pick(topic.questions()), place, who, thing));
        }
        String answer = fill(topic.answer(), place.isEmpty() ? "本市" : place, who.isEmpty() ? "申请人" : who, thing);
        Instant reviewed = now.minus(Duration.ofDays(random.nextInt(900)));
        Instant validFrom = reviewed.minus(Duration.ofDays(random.nextInt(400)));
        // about one article in ten carries an end of validity, some of it already past (a policy that lapsed)
        Instant validTo = random.nextInt(10) == 0 ? now.plus(Duration.ofDays(random.nextInt(730) - 180)) : null;
        long votes = random.nextInt(5) == 0 ? random.nextInt(200) : 0;
        long helpful = votes == 0 ? 0 : (long) (votes * (0.3 + 0.7 * random.nextDouble()));
        return new SearchableArticle(id, 1 + random.nextInt(4), question, variants, answer, topic.basis(),
                List.of(topic.matter()), List.of(topic.category()), topic.unit(), validFrom, validTo, reviewed,
                helpful, votes - helpful);
    }

    /** A caller's words as an agent would type them: filler, a place sometimes, the matter in colloquial or plain terms. */
    public String callerWords() {
        Topic topic = TOPICS[random.nextInt(TOPICS.length)];
        String words = random.nextBoolean() ? pick(topic.callerWords())
                : fill(pick(topic.questions()), "", "", pick(topic.things()));
        String place = random.nextInt(3) == 0 ? pick(DISTRICTS) : "";
        return pick(FILLER) + place + words;
    }
}
