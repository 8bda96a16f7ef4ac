"""服务事项 and 办理入口."""

NO_MATCH = "没有找到相关事项，请换一个关键词再试"
NO_ENTRY = "该事项暂不提供在线办理入口，请查看办事指南"
FOLLOWED = "关注成功：{name}"
UNFOLLOWED = "已取消关注：{name}"
REFUSED_TITLE = "无法进入办理系统"
