"""Seam check: a portal declared as staging must expose no test control plane (the mock's
/__test__/… answers 404 there): a staging or production portal with a back door is a finding.
On the embedded mock the control plane exists and must refuse callers without the token."""
import allure
import httpx
import pytest

PROBES = [("POST", "/__test__/reset"), ("PUT", "/__test__/faults"), ("GET", "/__test__/accounts/admin")]


@pytest.mark.security
@pytest.mark.smoke
@pytest.mark.parametrize("method, path", PROBES, ids=[p for _, p in PROBES])
def test_no_test_control_plane_without_a_token(target, method, path):
    allure.dynamic.epic("横向检查（安全 / 无障碍 / 性能）")
    allure.dynamic.feature("测试控制接口（后门）检查")
    url = target.base_url + path
    response = httpx.request(method, url, json={}, timeout=15, follow_redirects=False)
    if target.kind == "staging":
        allure.dynamic.story("声明为 staging 的门户不得暴露测试控制接口")
        assert response.status_code == 404, (
            f"目标声明为 staging，却暴露了测试控制接口：{method} {url} 返回 {response.status_code}"
            f"（应为 404）。预发布/生产门户不得带有 /__test__ 后门：请确认门户启动时没有 --test-api。")
    else:
        allure.dynamic.story("模拟门户的测试控制接口必须凭令牌访问")
        assert response.status_code in (401, 403), (
            f"测试控制接口未校验令牌：{method} {url} 返回 {response.status_code}（应为 401/403）")
