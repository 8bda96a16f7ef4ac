"""The seam check: no test control plane reachable without its token (none at all on staging)."""

import httpx
from pytest_bdd import then, when

from support.gherkin.parsing import param_type, phrase

param_type("HTTP方法", ("GET", "POST", "PUT", "PATCH", "DELETE"), origin="steps/staging.py（httpx 的请求方法）")


@when(phrase('我不带令牌调用测试控制接口"{method:HTTP方法}""{path}"'), target_fixture="control_plane_answer")
def when_i_call_the_control_plane_without_token(target, method, path):
    return (
        method,
        target.base_url + path,
        httpx.request(method, target.base_url + path, json={}, timeout=15, follow_redirects=False),
    )


@then("该调用被拒绝：staging 上该接口不存在，模拟门户上要求令牌")
def then_the_call_is_refused(target, control_plane_answer):
    method, url, response = control_plane_answer
    if target.kind == "staging":
        assert response.status_code == 404, (
            f"目标声明为 staging，却暴露了测试控制接口：{method} {url} 返回 {response.status_code}（应为 404）。"
            "预发布/生产门户不得带有 /__test__ 后门：请确认门户启动时没有 --test-api。"
        )
    else:
        assert response.status_code in (401, 403), (
            f"测试控制接口未校验令牌：{method} {url} 返回 {response.status_code}（应为 401/403）"
        )
