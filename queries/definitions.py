"""指标口径: every metric's one definition, as data, and the glossary of the words the views use.

Each metric has one key, one Chinese name and one written definition (numerator, denominator, as-of rule,
unit), the view that shows it and, where it is judged against a target, the key of its row in the store's
`target` table. The cockpit, the views, the findings, the briefings and the 指标口径 page take the names from
here, so a name cannot drift between a card, a chart, a finding and a file; docs/METRICS.md carries the same
table (tests/test_definitions.py compares them). To add a metric, add a `Metric` to METRICS (in the order of
its view; its `view` must be a page of dashboard/navigation.PAGES), give its card and chart captions a link
(`dashboard.captions.figure_caption(text, key)`), and regenerate the docs table:
`python -m dashboard.glossary --write`.

`name` is what the metric's own view calls it; `subject` says what it is about where the view does not
(两新组织 for 党的组织覆盖率), and `title` (subject + name) is what the cockpit, findings, chart titles and
files outside the view say. Both are the same words: a qualifier is added, never a synonym.
"""

from __future__ import annotations

from dataclasses import dataclass

COVERAGE, CHECKIN, ASSESSMENT, MEETINGS, TWO_NEW, TEAMS, PLATFORMS, FUNDING = (
    "pages/coverage.py", "pages/checkin.py", "pages/assessment.py", "pages/meetings.py", "pages/two_new.py",
    "pages/teams.py", "pages/platforms.py", "pages/funding.py")
CURRENT_STATE = "当前状态:组织设置不带日期,不随期间筛选变化;数据截至日为数据库的数据截止日期。"
QUARTERLY_MEETINGS = ("meetings_required_per_quarter", "1", "每个街道大工委每季度应召开联席会议次数")
DATED_STATE = ("截至数据截止日:按记录的日期计(网格的划定日期、党组织的建立日期、两新组织党组织的组建日期和选派"
               "党建指导员的日期、党建联络员的任职日期);未填日期的记录视为一直存在。总览另给较上月(上月末)和同比"
               "(上年同月末)的变化,单位为个百分点;数据不够早时不给变化,显示“无可比数据”,不按0计。")
BY_PERIOD_END = "截至所选期间最后一天(不晚于数据截止日);总览截至数据截止日。"
ASSESSMENT_ROUND = ("最近一个已到期的考核年度:社区在年末考核,所选期间截至12月31日时为当年,否则为上一年;"
                    "总览按数据截止日同样确定。")
BANDS_NOTE = "等次:优秀90分及以上,良好80分至不足90分,一般60分至不足80分,较差不足60分(百分制,60分为合格线)。"


@dataclass(frozen=True)
class Metric:
    """One metric: what it is called, how it is counted, where it is shown and what it is judged against."""

    key: str
    name: str
    view: str  # the page file of the view that explains it
    numerator: str  # what is counted (for a count: the count itself)
    denominator: str | None  # what it is counted against; None for a count or an amount
    as_of: str  # the date or period it is counted at
    unit: str = "%"
    target_key: str | None = None  # its row in the store's `target` table
    subject: str = ""  # what it is about, where its view does not say so
    query: str = ""  # the function (queries/…) that computes it
    note: str = ""  # a choice made where the report is silent, or what it excludes
    setting: tuple[str, str, str] | None = None  # a setting of the store its rule reads: key, default, what it is
    paced: bool = False  # target and warning line scaled by 序时进度

    @property
    def title(self) -> str:
        """The name with its subject: what the metric is called outside its own view."""
        return f"{self.subject}{self.name}" if self.subject else self.name

    @property
    def is_rate(self) -> bool:
        return self.denominator is not None


METRICS: tuple[Metric, ...] = (
    # 六级体系覆盖
    Metric("community_org_coverage", "社区党组织覆盖率", COVERAGE,
           "已建立社区党组织的城市社区数", "城市社区数", CURRENT_STATE,
           query="queries.coverage.coverage_by_level",
           note="只统计城市社区;乡镇的社区和村的党组织不属于城市六级体系。"),
    Metric("grid_branch_coverage", "网格党支部覆盖率", COVERAGE,
           "已建立网格党支部的网格数", "网格数(全部网格,网格都在城市社区内)", DATED_STATE,
           target_key="grid_branch_coverage", query="queries.overview.grid_branch_coverage_by_area",
           note="报告要求“将党支部建在网格上”,每个网格都应建网格党支部,分母为全部网格。"),
    Metric("group_coverage", "党小组覆盖率", COVERAGE,
           "已建立小区(楼栋)党小组的小区和楼栋数", "小区和楼栋数", CURRENT_STATE,
           query="queries.coverage.group_coverage_by_area",
           note="每个小区或楼栋都应建党小组(报告的“小区(楼栋)党小组”一级)。"),
    Metric("community_form_check", "组织设置需核查社区", COVERAGE,
           "现设置形式与党员人数不相符的城市社区数:党员100名以上一般设党委,50至99名设党总支,3至49名设党支部;"
           "正式党员不足3名不能成立党组织", None, CURRENT_STATE, unit="个",
           query="queries.coverage.community_form_check",
           note="党员数指组织关系在本社区党组织(含其网格党支部、党小组)的党员,不含只在居住地报到的在职党员。"
                "依据:党章和《中国共产党支部工作条例(试行)》第四条;经上级党组织批准可以例外,所以列为需核查,不一定是错误。"),
    # 双报到 · 双结对 · 双通报
    Metric("unit_checkin_rate", "单位报到率", CHECKIN,
           "已到所在社区报到的驻区单位党组织数", "驻在城市社区的驻区单位数", BY_PERIOD_END,
           target_key="unit_checkin_rate", query="queries.checkin.unit_checkin_by_area",
           note="单位按所驻社区归属区域。"),
    Metric("member_checkin_rate", "在职党员报到率", CHECKIN,
           "已到居住地城市社区报到的在职党员数", "居住在城市社区、已入党的在职党员数(应报到)", BY_PERIOD_END,
           target_key="member_checkin_rate", query="queries.overview.member_checkin_rate_by_area",
           note="党员按居住(报到)社区归属区域;居住在村或乡镇社区的在职党员不在应报到之列。"),
    Metric("posts_claimed", "认领岗位", CHECKIN,
           "党员认领志愿服务岗位的次数(按岗位所在社区);人均认领岗位 = 认领次数 ÷ 已报到在职党员数", None,
           BY_PERIOD_END, unit="个", query="queries.checkin.posts_claimed_by_area"),
    Metric("monthly_service_rate", "月度服务率", CHECKIN,
           "各月已报到且当月至少服务1次的党员人·月数", "各月末已报到的党员人·月数",
           "所选期间的每个月:党员在某月末前已报到即计入该月;一段期间为各月相加。",
           target_key="monthly_service_rate", query="queries.checkin.service_rate_by_area",
           note="月度走势图为每个月单独计算(queries.checkin.monthly_service_rate)。"),
    Metric("secretary_checkin_rate", "社区书记反向报到率", CHECKIN,
           "社区书记已到至少1个驻区单位反向报到的城市社区数", "城市社区数", BY_PERIOD_END,
           query="queries.checkin.secretary_checkins_by_area", note="卡片同时给出反向报到的次数。"),
    Metric("pairing_coverage", "结对社区覆盖率", CHECKIN,
           "有至少1个结对单位(结对在期)的城市社区数", "城市社区数",
           "所选期间最后一天(总览为数据截止日):结对开始日不晚于该日且未在该日之前结束,即为在期。",
           target_key="pairing_coverage", query="queries.overview.pairing_coverage_by_area"),
    Metric("units_paired", "结对单位", CHECKIN,
           "与本区域社区结对在期的驻区单位数(同一单位只计一次),其中市县机关事业单位单列", None,
           "所选期间最后一天。", unit="个", query="queries.checkin.pairing_totals"),
    Metric("members_paired", "党员结对", CHECKIN,
           "与本区域社区党员结对的机关党员数(同一党员只计一次)", None, BY_PERIOD_END, unit="名",
           query="queries.checkin.pairing_totals"),
    Metric("pairing_activities", "结对活动", CHECKIN,
           "单位结对和党员结对在期间内开展的活动次数;平均每对 = 活动次数 ÷(在期的单位结对数 + 已开始的党员结对数)",
           None, "所选期间的第一天至最后一天。", unit="次", query="queries.checkin.pairing_by_area"),
    Metric("notification_completion", "双通报完成率", CHECKIN,
           "单位与社区均已向对方通报的通报对数", "该年度应通报的单位与社区对数",
           "最近一个已到期的年度:双通报在年末进行,所选期间截至12月31日时为当年,否则为上一年。",
           target_key="notification_completion", query="queries.checkin.notification_completion_by_area"),
    Metric("members_checked_in", "已报到在职党员", CHECKIN,
           "到本区域社区报到的在职党员数(按报到社区)", None, BY_PERIOD_END, unit="名",
           query="queries.checkin.organ_member_checkins_by_area", note="报告:全市5万多名在职党员到社区报到。"),
    Metric("organ_members_checked_in", "市县行政事业单位党员报到", CHECKIN,
           "已报到在职党员中工作单位为市县行政事业单位(市直、县直机关和事业单位;《驻区单位》模板“是否市县机关事业单位”"
           "为“是”)的人数(按报到社区)", None,
           BY_PERIOD_END, unit="名", query="queries.checkin.organ_member_checkins_by_area",
           note="报告:其中市县行政事业单位在职党员47137名;卡片同时给出占已报到在职党员的比例。"),
    Metric("service_hours", "志愿服务时长", CHECKIN,
           "已报到党员在期间内(报到之后)的志愿服务小时数,按服务类别;同时列出服务次数和服务党员人数", None,
           "所选期间的第一天至最后一天。", unit="小时", query="queries.service.service_by_kind",
           note="服务按党员的报到社区归属区域,与月度服务率相同。"),
    Metric("posts_unclaimed", "无人认领岗位", CHECKIN,
           "社区设置的志愿服务岗位中截至统计日还没有任何党员认领的岗位数,按类别", None, BY_PERIOD_END, unit="个",
           query="queries.service.posts_by_category",
           note="岗位不带设置日期,区域内的岗位都计入;清单见 queries.service.unclaimed_posts。"),
    Metric("unit_member_service_rate", "期内服务率", CHECKIN,
           "驻区单位已报到党员中期间内至少服务1次的人数", "该单位截至期末已报到的党员数",
           "所选期间的第一天至最后一天。", query="queries.checkin.unit_league",
           note="用于驻区单位列表,找出党员已报到但未服务的单位。"),
    # 双向考核
    Metric("assessment_coverage", "双向考核覆盖率", ASSESSMENT,
           "已取得社区当年度考核得分的报到单位数(单位·社区)",
           "当年底前已到城市社区报到的驻区单位数(每个单位·社区计一次,即应考核)", ASSESSMENT_ROUND,
           target_key="assessment_coverage", query="queries.assessment.assessment_coverage_by_area",
           note="总览以覆盖率而不以平均得分设目标:各社区打分尺度不一,平均得分掩盖未考核的单位,以平均得分为目标会鼓励打高分。"
                "社区给尚未报到的单位打的分计入平均得分和等次,不计入覆盖率。"),
    Metric("assessment_average", "平均得分", ASSESSMENT,
           "当年度各社区给驻区单位的考核得分之和 ÷ 考核结果数(百分制,四舍五入到1位小数)", None, ASSESSMENT_ROUND,
           unit="分", subject="双向考核", query="queries.assessment.score_bands_by_area",
           note="区域的平均得分是区域内全部得分的平均,不是下级平均得分的平均。"),
    Metric("assessment_excellent", "优秀等次", ASSESSMENT, "当年度90分及以上的考核结果数", None, ASSESSMENT_ROUND,
           unit="个", subject="双向考核", query="queries.assessment.score_bands_by_area", note=BANDS_NOTE),
    Metric("assessment_poor", "较差等次", ASSESSMENT, "当年度不足60分的考核结果数", None, ASSESSMENT_ROUND,
           unit="个", subject="双向考核", query="queries.assessment.score_bands_by_area", note=BANDS_NOTE),
    Metric("units_not_assessed", "未考核单位", ASSESSMENT,
           "当年底前已到城市社区报到、尚无该社区当年度考核得分的报到单位数(单位·社区)", None, ASSESSMENT_ROUND,
           unit="个", subject="双向考核", query="queries.assessment.units_not_assessed"),
    Metric("unit_assessment_score", "单位得分", ASSESSMENT,
           "驻区单位当年度在本区域各社区所得考核得分的平均(四舍五入到1位小数);排名按得分从高到低,同分同名次", None,
           ASSESSMENT_ROUND, unit="分", subject="双向考核", query="queries.assessment.unit_scores",
           note="得分旁列出说明原因的数字:该单位居住在本区域的在职党员年底的在职党员报到率、当年的月度服务率(按报到社区)、"
                "当年与本区域社区的双通报。党员个人的社区评价经双通报送达单位,数据中没有党员个人得分。"),
    # 联席会议
    Metric("meetings_on_schedule", "按期召开率", MEETINGS,
           "街道大工委召开联席会议达到规定次数的街道·季度数", "街道·季度数",
           "联席会议视图为所选期间涉及的季度;总览为最近四个已结束的季度。每季度应召开次数为设置项。",
           target_key="meetings_on_schedule", subject="联席会议",
           query="queries.overview.meetings_on_schedule_by_area",
           note="联席会议属于街道,选择社区时显示其所在街道;乡镇不开大工委联席会议。",
           setting=QUARTERLY_MEETINGS),
    Metric("meetings_held", "实际召开次数", MEETINGS,
           "期间内召开的联席会议次数;应召开次数 = 每季度应召开次数 × 期间涉及的季度数 × 街道数", None,
           "所选期间的第一天至最后一天。", unit="次", query="queries.meetings.meeting_activity_by_street",
           setting=QUARTERLY_MEETINGS),
    Metric("attendance_rate", "成员单位出席率", MEETINGS,
           "期间内会议的出席记录中标为出席的人次", "期间内会议的出席记录(应出席人次)",
           "所选期间的第一天至最后一天。", query="queries.meetings.meeting_activity_by_street"),
    Metric("item_match_rate", "对接率", MEETINGS,
           "期间内会议提出的议题中已对接的议题数", "期间内会议提出的议题数(资源清单、需求清单、项目清单)",
           "所选期间的第一天至最后一天。", query="queries.meetings.meeting_activity_by_street"),
    Metric("item_resolution_rate", "办结率", MEETINGS,
           "期间内会议提出的议题中截至期末已办结的议题数", "期间内会议提出的议题数",
           "所选期间的第一天至最后一天;办结日期不晚于期末才算已办结(标为已办结而未填日期的也算)。",
           query="queries.meetings.meeting_activity_by_street",
           note="按资源清单、需求清单、项目清单分列的对接率和办结率见 queries.meetings.items_by_street_and_list。"),
    Metric("overdue_streets", "超期未开会街道", MEETINGS,
           "距上次联席会议超过(92 ÷ 每季度应召开次数)天,或从未召开联席会议的街道数", None,
           "距上次会议天数从期间内最后一次会议(不晚于期末)算到所选期间最后一天。", unit="个",
           query="queries.meetings.meeting_activity_by_street", setting=QUARTERLY_MEETINGS),
    Metric("open_items_carried_over", "结转未办结议题", MEETINGS,
           "截至期末仍未办结、在以前季度提出的议题数(提出时间不限于所选期间)", None,
           "截至所选期间最后一天;账龄按提出议题的会议所在季度至期末所在季度相隔的季度数:本季度提出、结转1个季度、"
           "结转2—3个季度、结转4个季度及以上。", unit="个", query="queries.meetings.open_items_ageing_by_street",
           note="卡片同时给出期末未办结议题总数;清单见 queries.meetings.open_items。"),
    Metric("oldest_open_item", "最久未办结议题", MEETINGS,
           "截至期末仍未办结的议题中提出最早的一个,从提出的会议到期末的天数", None, BY_PERIOD_END, unit="天",
           query="queries.meetings.open_items_ageing_by_street"),
    Metric("committee_compliance", "大工委设置合规街道", MEETINGS,
           "已建立大工委、书记由县级领导干部担任、有驻区单位成员的街道数(显示为 合规街道数 / 街道数)", None,
           CURRENT_STATE, unit="个", query="queries.meetings.committee_compliance_by_street",
           note="书记是否县级领导干部以《大工委成员》模板的“是否县级领导干部”为准,未填写的列为“未注明”;"
                "不合规的街道逐个列出原因。"),
    # 两新组织
    Metric("two_new_orgs", "两新组织数", TWO_NEW,
           "登记的非公有制企业和社会组织数", None, CURRENT_STATE, unit="个",
           query="queries.overview.two_new_coverage_by_area"),
    Metric("two_new_org_coverage", "党的组织覆盖率", TWO_NEW,
           "单独组建或联合组建党组织的两新组织数", "两新组织数", DATED_STATE,
           target_key="two_new_org_coverage", subject="两新组织",
           query="queries.overview.two_new_coverage_by_area"),
    Metric("two_new_work_coverage", "党的工作覆盖率", TWO_NEW,
           "单独组建、联合组建党组织或选派党建指导员的两新组织数", "两新组织数", DATED_STATE,
           subject="两新组织", query="queries.overview.two_new_coverage_by_area",
           note="党的工作覆盖包含党的组织覆盖,另加只选派了党建指导员的组织;工作覆盖自选派党建指导员或组建党组织"
                "之日起算,以较早者为准。"),
    Metric("two_new_should_organize", "应建未建", TWO_NEW,
           "有3名以上党员、但未单独组建也未联合组建党组织的两新组织数", None, CURRENT_STATE, unit="个",
           subject="两新组织", query="queries.two_new.organizations_that_should_organize",
           note="有3名以上正式党员即可成立党支部(党章)。"),
    Metric("large_stable_uncovered", "规模较大企业未建党组织", TWO_NEW,
           "规模较大、生产经营稳定的企业中,未单独组建也未联合组建党组织的企业数", None, CURRENT_STATE, unit="个",
           query="queries.two_new.large_stable_without_organization",
           note="报告要求“着重抓好社区内规模较大、生产经营稳定的大型企业的党建工作”;不使用统计上的“规模以上”口径。"),
    # 四支队伍
    Metric("liaison_staffing", "党建联络员配备率", TEAMS,
           "配备了党建联络员的城市社区数", "城市社区数", DATED_STATE,
           target_key="liaison_staffing", query="queries.teams.liaison_staffing_by_area",
           note="报告:每个社区配备1名党建联络员(30岁左右、大专以上学历)。"),
    Metric("grid_worker_staffing", "网格员配备率", TEAMS,
           "有网格员的网格数", "城市社区的网格数", DATED_STATE, query="queries.teams.staffing_by_area",
           note="每个网格1名网格员;网格员按其登记的所在网格计。"),
    Metric("secretary_vacancies", "书记空缺", TEAMS,
           "没有社区党组织书记的城市社区数", None, DATED_STATE, unit="个", query="queries.teams.staffing_by_area",
           note="同一张卡片也列出两委成员(含书记)不足5名的社区和专职工作者空缺。"),
    Metric("election_entrants", "换届进入", TEAMS,
           "最近一次换届进入社区“两委”班子的人数,按来源(本土经济能人、返乡人员、大学毕业生、退役军人)", None,
           "最近一个有记录的换届年度。", unit="名", query="queries.teams.election_entrants",
           note="报告:2017年换届进入1225名本土经济能人、279名返乡人员、209名大学毕业生、380名退役军人。"),
    Metric("staff_hired", "选聘", TEAMS,
           "同一年度选聘的社区专职工作者和网格员人数", None, "与换届进入同一年度。", unit="名",
           query="queries.teams.hires", note="报告:2017年选聘专职工作人员和网格员889名。"),
    # 阵地建设
    Metric("platforms", "村级综合服务平台", PLATFORMS,
           "新建或改扩建的村级综合服务平台数(含街道、社区)", None, CURRENT_STATE, unit="个",
           query="queries.platforms.platforms_by_area", note="报告:2016—2018年新建、改扩建2046个。"),
    Metric("street_platforms", "街道阵地", PLATFORMS,
           "街道的阵地(一所一校四中心)数", None, CURRENT_STATE, unit="个",
           query="queries.platforms.platforms_by_kind"),
    Metric("community_platform_standard", "社区阵地达标率", PLATFORMS,
           "阵地达到“一站一园一场七室”10项的城市社区数", "城市社区数", CURRENT_STATE,
           query="queries.platforms.platforms_by_area",
           note="没有阵地或未报项目数的社区算未达标。"),
    Metric("platform_sharing", "开放共享率", PLATFORMS,
           "向驻区单位开放共享的街道和社区阵地数", "报了是否开放共享的街道和社区阵地数", CURRENT_STATE,
           query="queries.platforms.platforms_by_kind"),
    Metric("platform_funding", "阵地建设经费", PLATFORMS,
           "用途为阵地建设的历年预算数", None, "各年度全年。", unit="元",
           query="queries.funding.funding_by_year", note="报告:2014—2016年市财政每年安排1亿元。"),
    # 经费保障
    Metric("funding_budget", "预算数", FUNDING,
           "当年预算条目的金额之和(财政拨付、党费补充、社会筹措)", None,
           "当年为所选期间最后一个月所在的年度。", unit="元", subject="经费",
           query="queries.overview.funding_execution_by_area",
           note="留在县级或街道本级的预算在分区域表中列为“本级(未分到下级)”,不计入下级区域。"),
    Metric("funding_spent", "已支出数", FUNDING,
           "截至统计日对当年预算条目已支出的金额", None, BY_PERIOD_END, unit="元", subject="经费",
           query="queries.overview.funding_execution_by_area",
           note="“财政拨付”是经费来源之一;已支出数是已经用出去的钱,不论来源。"),
    Metric("funding_execution", "执行率", FUNDING,
           "已支出数(截至统计日)", "当年预算数", BY_PERIOD_END,
           target_key="funding_execution", subject="经费", query="queries.overview.funding_execution_by_area",
           note="年中不以100%衡量:目标和预警线按序时进度(截至统计日已过天数 ÷ 全年天数)折算。", paced=True),
    Metric("funding_per_community", "社区平均预算", FUNDING,
           "当年预算数 ÷ 区域内城市社区数", None, "当年为所选期间最后一个月所在的年度。", unit="元",
           query="queries.funding.funding_per_community_and_member"),
    Metric("funding_per_member", "党员人均预算", FUNDING,
           "当年预算数 ÷ 居住在区域内的党员数", None, "当年为所选期间最后一个月所在的年度。", unit="元",
           query="queries.funding.funding_per_community_and_member"),
)

BY_KEY = {metric.key: metric for metric in METRICS}


def metric(key: str) -> Metric:
    """The definition of the metric `key` (KeyError for a metric nobody defined)."""
    return BY_KEY[key]


def title(key: str) -> str:
    """What the metric `key` is called outside its own view (and everywhere, where it has no subject)."""
    return BY_KEY[key].title


def name(key: str) -> str:
    """What the metric `key` is called in its own view."""
    return BY_KEY[key].name


@dataclass(frozen=True)
class Term:
    """A word of the glossary and what it means here."""

    word: str
    meaning: str


TERMS: tuple[Term, ...] = (
    Term("县级单位", "常德市的15个县级单位:2个区(武陵区、鼎城区)、6个县、1个县级市(津市市)和6个管理区(西湖管理区、"
                 "西洞庭管理区、常德经济技术开发区、常德高新技术产业开发区、柳叶湖旅游度假区、桃花源旅游管理区)。"
                 "区县(市)只指前9个;说到一级时用“县级单位”或“区县(市)及管理区”。"),
    Term("六级体系", "市委 → 区县(市)委 → 街道党工委 → 社区党组织 → 网格党支部 → 小区(楼栋)党小组。前三级是组织架构,"
                 "按已建、应建数显示;覆盖率只用于社区党组织、网格党支部和党小组三级。"),
    Term("城市社区", "城市区域化党建的对象:全市369个城市社区,其中中心城区148个;乡镇的社区和村不在城市六级体系之内。"),
    Term("应建未建", "应当建立党组织而尚未建立:没有网格党支部的网格、没有党小组的小区(楼栋)、"
                 "有3名以上党员但未建党组织的两新组织。"),
    Term("在职党员", "组织关系在工作单位的党员;双报到中到居住地社区报到。"),
    Term("驻区单位", "驻在社区的机关、企事业单位;其党组织到所驻社区报到,并与社区结对。"),
    Term("集聚载体", "两新组织集中的商务楼宇、园区、商圈市场(及其他);与区域筛选中的县级单位、街道、社区是两回事。"),
    Term("规模较大、生产经营稳定的企业", "报告所说党建工作要“着重抓好”的企业;不是统计上的“规模以上”企业。"),
    Term("已支出数", "已经用出去的经费,不论来源;“财政拨付”只作为经费来源(与党费补充、社会筹措并列)使用。"),
    Term("序时进度", "截至统计日已过天数 ÷ 全年天数(6月30日为181 ÷ 365 ≈ 49.6%),经费执行率的目标和预警线按它折算。"),
    Term("数据截至", "数据库中数据的截止日期;期间筛选的最后一天不晚于它。"),
    Term("达标 / 预警 / 落后", "不低于目标为达标,低于目标但不低于预警线为预警,低于预警线为落后;"
                           "目标和预警线存于数据库的指标目标表。"),
    Term("职务", "个人担任的职务;大工委成员表中“大工委职务”为书记、副书记或委员,“现任职务”为本人在原单位的职务。"),
)
