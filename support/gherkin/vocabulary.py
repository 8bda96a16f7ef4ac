"""The portal's business vocabulary as a user reads it, for the typed step parameters of
support/gherkin/parsing.py: the 服务事项 a step may act on, the roles a 法人 may grant, the main navigation.

These are texts of the portal (the real one and the mock alike), not of the mock's code: the suite
never imports mock_portal. tests/unit/test_vocabulary.py fails when the mock's catalogue or navigation
and this list part ways, so a new business system is added here in the same change."""

from __future__ import annotations

# 服务事项: every item's name as the catalogue shows it (those without 办理入口 too: 关注, 办事指南 links).
BUSINESS_SYSTEMS = (
    "人类遗传资源管理",
    "高等级病原微生物实验室建设审查",
    "外国人来华工作许可",
    "科技型中小企业评价",
    "高新技术企业认定",
    "中国政府友谊奖",
    "火炬中心业务办理平台",
    "因公出国（境）培训",
    "外国专家项目管理信息系统",
)

# The roles a unit's 法人 grants in 用户授权管理 (管理员 only in the 火炬中心 systems).
GRANT_ROLES = ("事项办理员", "事项管理员", "管理员")

# The main navigation (主导航) of every page.
NAV_MENUS = ("首页", "服务事项", "办事咨询", "在线办事", "结果公示")
