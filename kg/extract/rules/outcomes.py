"""What makes a number a reported outcome rather than an activity count or a date.

A bureau report is full of numbers; the outcomes a reader keeps are the results the bureau
is measured by — market entities, processing times, money, patents and trademarks, cases,
complaints, inspection batches and pass rates. Activity counts (检查…家次, 培训…人次,
meetings, trainings, staff) and approximate figures (…余家, 90多名) are context, not results.
"""

from __future__ import annotations

# fmt: off
# units of results: money, entities, IP, cases, batches, rates, durations, scores
RESULT_UNITS: frozenset[str] = frozenset({
    "元", "个亿", "户", "家", "件", "宗", "笔", "批次", "%", "％", "个工作日", "工作日",
    "分", "项", "份", "个", "条",
})

# metric words of the key performance indicators of market regulation
KPI_WORDS: tuple[str, ...] = (
    "市场主体", "企业开办", "开办企业", "个体户", "个体工商户", "企业", "注册资本", "注销", "登记",
    "专利", "商标", "知识产权", "质押", "融资", "贷款", "专利奖", "授权", "注册", "申请", "申领",
    "案件", "罚没", "投诉", "举报", "咨询", "挽回", "经济损失",
    "抽检", "抽查", "合格率", "完成率", "年报", "公示率",
    "压缩", "时限", "提速", "评估", "资助", "资金", "补助", "减免", "收费",
    "食堂", "守合同重信用", "电子证照", "信息",
)

# a metric phrase ending in one of these nouns names a measured result (投诉按时办结率, 罚没金额,
# 商标有效注册量, 实有市场主体, 查办…案件, 食用农产品快检/检测), whatever the reform it belongs to
RESULT_METRIC_END = r"(?:量|率|数|金额|额|主体|案件|时间|时长|时限|速度|周期|检|检测|检验)$"

# counters of things (not amounts): a count below 10 of these is rarely a headline result
COUNT_UNITS: frozenset[str] = frozenset({"宗", "件", "家", "项", "个", "户", "条"})

# a verb right before the number makes it the count of the verb's objects (检查39家, 指导4家企业)
ACTION_VERBS: tuple[str, ...] = (
    "检查", "约谈", "抽检", "指导", "引导", "走访", "帮助", "培训", "排查", "收集", "记录", "监测", "曝光",
    "移送", "整改", "对", "为", "组织", "举办", "召开", "开展", "发放", "派出", "审查", "废止", "调整",
)
# fmt: on

# nouns after the number that make it a count of measures or rules, not a result (11条措施)
MEASURE_WORDS = r"(?:措施|意见|举措|制度|规定|政策|条款|文件|办法)"
MEASURE_NOUNS = r"^(?:条|项)?" + MEASURE_WORDS

# words right before a number that make it a part of a larger total (其中…) or a share (占…)
SUBORDINATE_CUES: tuple[str, ...] = ("其中", "占", "包括")

# a change relative to a previous period: becomes Outcome.change of the preceding number
CHANGE_CUE = (
    r"(?:分别)?(?:同比|环比|[比较](?:去年|上年|上一年|前一年)(?:同期)?)(?:分别)?(?:增长|上升|提高|增加|下降|减少|降低|提升)了?"
)

# a rank: 居全省第1, 排名全国第4, 全省地级市第1, 居副省级城市第3位, 列长三角地区第2; a scope
# other than 全国/全省/全市/全区 must follow a rank verb (居, 列, 排名) or start the clause
RANK_CUE = (
    r"(?P<scope>(?:全国|全省|全市|全区|国内|省内)(?:地级市|地级以上市|同类城市)?"
    r"|(?:(?<=[居列名排])|(?<![\u4e00-\u9fff]))(?!位居|位列|排名|居|列|并列|名列)[\u4e00-\u9fff]{2,8}?(?:城市|地区|地市|地级市|地级以上市|区县|县区))"
    r"(?:排名)?第\s*(?P<n>\d+|[一二三四五六七八九十]+)"
)

# number words that begin a metric phrase but are not part of it
METRIC_LEADING_NOISE = (
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|作为|"
    r"\d{4}\s*年(?:度|底|末)?|截至\d{4}年底?|全年|今年|去年|目前|全市|全区|全县|全局|全系统|我市|我区|"
    r"我局|市局|区局|共计|共有|共|累计|已|实现|各类|其中|分别|并|,|，|、|\s)+"
)
METRIC_TRAILING_NOISE = (
    r"(?:(?:压缩|缩短|减少|降低|下降|提高|提升|控制|保持|稳定)(?:至|到|在)|"
    r"达到|达|为|高达|突破|超过|逾|约|近|共计|共|累计|分别|仅用|至|\s)+$"
)
# a change from a starting value (办理时间由5天缩短至0.5天): the metric is what comes before 由,
# and the starting value is not a result of its own
FROM_TO = r"由[^，,；;。由]*?(?:压缩|缩短|减少|降低|下降|提高|提升|增加|增长)(?:至|到|为)$"
FROM_START = r"由$"

# a metric that starts like this is a comparison base or a share, not a result (比省要求的3个工作日)
REFERENCE_METRIC = r"^(?:比|较|占|相当于|是)"
# a metric over several past years is a cumulative context, not this period's result
MULTI_YEAR = r"近[一二三四五六七八九十\d]+年|历年"
# what may stand between two numbers of one enumeration (9.6万件和7.43万件)
ENUMERATION_GLUE = r"^[\s、和与及,，]*$"
