"""The portal's service catalogue (服务事项), as the FAQ's screenshot shows it.

`key` is the stable id used in URLs, permissions and grants. `roles` are the roles a unit can
grant in that system; `entry` is whether the item has a 办理入口 into a business system.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class System:
    key: str
    name: str
    host: str  # 主办单位
    code: str  # 事项编码
    sub_items: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    entry: bool = True
    grantable: bool = True
    extra: dict = field(default_factory=dict, compare=False, hash=False)


HANDLER_ROLES = ("事项办理员", "事项管理员")

SYSTEMS: tuple[System, ...] = (
    System(
        "hgr",
        "人类遗传资源管理",
        "社会发展科技司",
        "000106003000",
        sub_items=(
            "国际合作科学研究审批",
            "材料出境审批",
            "保密审批",
            "采集审批",
            "国际合作临床试验备案",
            "信息备案及备份",
            "申报登记",
        ),
        links=(
            "服务指南",
            "设定依据",
            "申请条件",
            "办理材料",
            "办理流程",
            "联系方式",
            "结果查询",
            "行政处罚",
            "常见问题",
            "查看评价",
        ),
        roles=HANDLER_ROLES,
    ),
    System(
        "pathogen_lab",
        "高等级病原微生物实验室建设审查",
        "社会发展科技司",
        "000106002000",
        links=(
            "服务指南",
            "适用范围",
            "设定依据",
            "申请条件",
            "办理材料",
            "办理地点",
            "办理时间",
            "办理流程",
            "联系方式",
        ),
        roles=HANDLER_ROLES,
    ),
    System(
        "work_permit",
        "外国人来华工作许可",
        "引进国外智力管理司",
        "000106004000",
        sub_items=("持R字签证信…", "人才签证外国…", "外国人来华许…"),
        links=("申请条件", "办理流程", "事项说明", "相关文件", "常见问题"),
        entry=False,
        grantable=False,
        extra={"link_urls": {"常见问题": "/services/work_permit/faq"}},
    ),
    System(
        "sme",
        "科技型中小企业评价",
        "科技部火炬高技术产业开发中心",
        "000706007000",
        links=("申请条件", "办理流程", "联系方式", "事项说明", "相关文件"),
        roles=("管理员",) + HANDLER_ROLES,
    ),
    System(
        "hnte",
        "高新技术企业认定",
        "科技部火炬高技术产业开发中心",
        "000706008000",
        links=("申请条件", "办理流程", "联系方式", "事项说明", "相关文件"),
        roles=("管理员",) + HANDLER_ROLES,
    ),
    System(
        "friendship_award",
        "中国政府友谊奖",
        "引进国外智力管理司",
        "-----",
        sub_items=("友谊奖",),
        links=("申请条件", "办理材料", "办理流程", "事项说明", "相关文件"),
        entry=False,
        grantable=False,
    ),
    System(
        "torch",
        "火炬中心业务办理平台",
        "科技部火炬高技术产业开发中心",
        "000706009000",
        links=("事项说明", "联系方式"),
        roles=("管理员",) + HANDLER_ROLES,
    ),
    System(
        "outbound_training",
        "因公出国（境）培训",
        "引进国外智力管理司",
        "000106005000",
        links=("申请条件", "办理流程", "联系方式"),
        grantable=False,
    ),
    System(
        "foreign_experts",
        "外国专家项目管理信息系统",
        "引进国外智力管理司",
        "000106006000",
        links=("申请条件", "办理流程", "联系方式"),
        roles=HANDLER_ROLES,
    ),
)

BY_KEY = {s.key: s for s in SYSTEMS}


def get(key: str) -> System | None:
    return BY_KEY.get(key)
