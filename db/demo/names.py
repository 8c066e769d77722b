"""Name material for the demo: people's names, places and units of the Suizhou education system.

Place names follow the real towns and streets of each county-level region so that lists read the
way a Suizhou clerk expects; schools, communities, villages and enterprises built from them are
illustrative, not a register of real institutions.
"""

from __future__ import annotations

# Common surnames, most frequent first (weights follow roughly the national distribution).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程"
    "魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾"
)
SURNAME_WEIGHTS = tuple(max(1, 30 - i // 3) for i in range(len(SURNAMES)))

GIVEN_MALE = (
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "志强", "建华", "建国", "国庆", "海涛", "文杰", "俊杰", "志刚", "永刚", "德明", "晓东", "宏伟",
    "红军", "振华", "新民", "学文", "浩然", "子轩", "宇航", "明轩", "家豪", "卫东", "立新", "光辉",
)
GIVEN_FEMALE = (
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "萍", "红", "梅", "琳", "婷", "洁",
    "秀英", "桂英", "玉兰", "丽华", "春梅", "海燕", "晓燕", "雪梅", "慧敏", "婉婷", "雨涵", "欣怡",
    "思琪", "佳怡", "梦瑶", "文静", "小红", "丽娟", "晓红", "爱华", "金凤", "淑珍", "美玲", "红霞",
)
# Characters outside GB2312 that real names use: the reports must fall back to a font that has
# them, so the demo data has to contain some.
RARE_GIVEN = ("堃", "喆", "昇", "祎", "子堃", "一喆", "昇平", "文祎", "祎然", "喆明", "堃鹏",
              "昇华")

# Bureau leadership positions (局领导班子成员), in protocol order.
BUREAU_LEADER_POSITIONS = (
    "市教育工委书记、局长", "市教育工委副书记、副局长", "副局长", "副局长", "副局长",
    "市纪委监委驻市教育局纪检监察组组长", "总督学", "二级调研员",
)

# 机关科室 of the city bureau.
BUREAU_SECTIONS = (
    "办公室", "组织人事科", "宣传科", "政策法规科", "计划财务科", "基础教育科",
    "职业教育与成人教育科", "教师工作科", "体育卫生与艺术教育科", "安全稳定工作科", "督导室",
    "学生资助管理中心", "语言文字工作科", "机关党委",
)
# The leaders' own "unit": reports group cadres by unit, and 局领导 sit above the sections.
LEADERSHIP_UNIT = "局领导班子"

# 直属单位 of the city bureau.
DIRECT_UNITS = (
    "随州一中", "随州二中", "随州市第三高级中学", "随州市实验中学", "随州市实验小学",
    "随州市特殊教育学校", "随州市机关幼儿园", "随州市教育考试院", "随州市教学研究室",
    "随州市电化教育馆", "随州市教育技术装备站", "随州市中等职业技术学校",
)

# The county-level education bureaus, one per region code of db.campaign.DEFAULT_REGIONS.
COUNTY_BUREAUS = {
    "zengdu": "曾都区教育局",
    "suixian": "随县教育局",
    "guangshui": "广水市教育局",
    "hitech": "随州高新区教育局",
    "dahongshan": "大洪山风景区教育局",
}

# Towns and streets (街道/镇) by region, real names.
TOWNS = {
    "zengdu": ("东城街道", "西城街道", "南郊街道", "北郊街道", "何店镇", "洛阳镇", "府河镇",
               "万店镇"),
    "suixian": ("厉山镇", "高城镇", "殷店镇", "草店镇", "小林镇", "淮河镇", "万和镇", "尚市镇",
                "唐县镇", "吴山镇", "新街镇", "安居镇", "环潭镇", "洪山镇", "三里岗镇", "均川镇"),
    "guangshui": ("应山街道", "十里街道", "广水街道", "城郊街道", "武胜关镇", "杨寨镇", "陈巷镇",
                  "长岭镇", "马坪镇", "关庙镇", "余店镇", "吴店镇", "郝店镇", "蔡河镇", "李店镇"),
    "hitech": ("淅河镇", "季梁街道"),
    "dahongshan": ("长岗镇", "洪山林场"),
}
# How many schools per region at scale 1, roughly in proportion to the real systems.
SCHOOLS_PER_REGION = {"zengdu": 45, "suixian": 50, "guangshui": 48, "hitech": 9, "dahongshan": 4}

# A region's own (county-level) schools besides the town ones.
COUNTY_SCHOOLS = {
    "zengdu": ("曾都区实验小学", "曾都区第一初级中学", "曾都区季梁学校", "曾都区烈山学校"),
    "suixian": ("随县第一中学", "随县第二中学", "随县实验小学", "随县职业技术学校"),
    "guangshui": ("广水市第一高级中学", "广水市实验小学", "广水市第二中学", "广水市特殊教育学校"),
    "hitech": ("随州高新区实验学校",),
    "dahongshan": ("大洪山风景区中心学校",),
}

# Kinds of town schools: (name suffix, weight).
TOWN_SCHOOL_KINDS = (
    ("中心小学", 10), ("第一小学", 6), ("第二小学", 6), ("第三小学", 3), ("初级中学", 8),
    ("第二初级中学", 3), ("中心学校", 3), ("九年一贯制学校", 2),
)
VILLAGE_SCHOOL_SUFFIX = ("小学", "教学点")
KINDERGARTEN_SUFFIX = ("中心幼儿园", "第一幼儿园", "第二幼儿园", "公办幼儿园")

# Village (行政村) names; combined with a town: "万和镇桃园村".
VILLAGES = (
    "桃园", "双河", "黄湾", "新集", "石桥", "柳树", "杨岗", "庙湾", "竹林", "枣树", "罗家",
    "龙泉", "凤凰", "金鸡", "白果", "花园", "马家", "刘家湾", "高庙", "胡家河", "三合", "红星",
    "河口", "长冲", "大堰", "油坊", "青龙", "七里", "梅子", "孙家岗",
)
# Community (社区) names.
COMMUNITIES = (
    "明珠", "青年", "文峰", "白云", "舜井", "解放路", "烈山", "编钟", "神农", "五眼桥", "沿河",
    "季梁", "擂鼓墩", "交通大道", "新民", "东关", "西关", "南关", "北关", "涢水", "月亮湾",
    "汉东", "炎帝", "印台山", "杨家湾", "龙门", "府河", "花园", "星光", "双拥",
)
ENTERPRISES = (
    "随州市神农香菇食品有限公司", "随州市编钟文化传媒有限公司", "随州市涢水校车服务有限公司",
    "随州市擂鼓墩学生用品有限公司", "广水市应山餐饮管理有限公司", "随县炎帝农业发展有限公司",
    "随州高新区智联科技有限公司", "随州市汉东职业培训学校",
)

# Positions by kind of unit, for cadres who are not leaders.
SECTION_POSITIONS = ("科长", "副科长", "一级主任科员", "二级主任科员", "四级主任科员", "科员")
SCHOOL_LEADER_POSITIONS = ("党委书记", "校长", "副校长", "党总支书记", "工会主席")
SCHOOL_STAFF_POSITIONS = ("教务处主任", "政教处主任", "年级组长", "教研组长", "班主任", "教师",
                          "总务处主任", "团委书记")
COUNTY_LEADER_POSITIONS = ("党组书记、局长", "副局长", "副局长", "党组成员")
COUNTY_STAFF_POSITIONS = ("股长", "副股长", "干部", "督学")

# Phone prefixes of mobile operators; land lines in Suizhou are 0722-xxxxxxx.
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                   "152", "155", "156", "157", "158", "159", "177", "180", "182", "186", "187",
                   "188", "189", "199")
AREA_CODE = "0722"

# Approvers of close-outs (销号审核人) by default; real ones are the bureau leaders.
CLERK_NAMES = ("周晓燕", "陈思琪", "刘建华")
