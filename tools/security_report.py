"""`make security`: the security properties of issue 21 as a table (property, ASVS/等保 reference,
verdict, evidence), read from the JUnit XML of the run that checked them.

Each property names the tests that prove it (test function names, or scenario titles for the
@security features); its verdict is 通过 (pass) when every one of them ran and passed, 未通过 (fail)
when one failed, 未运行 (not run) when none ran (e.g. a @mock-only scenario against staging).
Exit code 1 when a row is not 通过 (pass).

    python tools/security_report.py reports/junit-security.xml [--markdown reports/security.md]
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Property:
    name: str
    reference: str
    tests: tuple[str, ...]  # substrings of JUnit test names


PROPERTIES = (
    Property(
        "用户登录失败锁定（含并发）",
        "ASVS V2.2.1, V11.1.4; 等保 8.1.4.1 b",
        (
            "test_fifth_wrong_password_locks_even_the_right_one",
            "test_parallel_wrong_passwords_never_get_more",
            "test_without_the_atomic_counter_parallel_guesses_pass_the_limit",
            "连续5次输错密码后账号被临时锁定",
        ),
    ),
    Property(
        "后台登录失败锁定",
        "ASVS V2.2.1; 等保 8.1.4.1 b",
        (
            "test_back_office_login_locks_after_five_failures",
            "test_back_office_lock_does_not_tell",
            "test_without_the_throttle_the_back_office_check_fails",
            "后台登录连续5次失败后该后台账号被临时锁定",
        ),
    ),
    Property(
        "登录名是否存在不可由提示或耗时判断",
        "ASVS V2.2.1 (enumeration), V3.2; 等保 8.1.4.1 a",
        (
            "test_lock_never_tells_whether_the_name_exists",
            "test_a_wrong_password_and_an_unknown_name_take_the_same_time",
            "test_without_the_dummy_hash_an_unknown_name_answers_faster",
        ),
    ),
    Property(
        "验证码答案不在网页代码中",
        "ASVS V2.2.1 (anti-automation); 等保 8.1.4.1 a",
        (
            "test_captcha_answer_is_only_in_the_pixels",
            "test_staging_fixed_captcha_still_works",
            "test_a_captcha_drawn_as_svg_text_fails_the_check",
            "登录页的验证码只能从图片上看出",
        ),
    ),
    Property(
        "常见弱密码与含登录名的密码被拒（两种策略）",
        "ASVS V2.1.7, V2.1.1; 等保 8.1.4.1 a",
        (
            "test_the_well_known_list_has_thousands_of_entries",
            "test_dengbao_policy",
            "test_asvs_policy",
            "常见的弱密码即使满足字符种类要求也不能设为新密码",
            "新密码不能包含登录名",
        ),
    ),
    Property(
        "短信验证码错误次数与重发间隔（并发安全）",
        "ASVS V2.7.3, V11.1.4; 等保 8.1.4.1 b",
        (
            "test_parallel_wrong_sms_codes_count_every_try",
            "test_without_atomic_code_tries_parallel_guesses_pass",
            "test_parallel_resends_send_one_code_within_the_cooldown",
            "test_without_the_atomic_cooldown_parallel_resends_send_several",
        ),
    ),
    Property(
        "当前密码校验限次并锁定",
        "ASVS V2.2.1; 等保 8.1.4.1 b",
        (
            "test_current_password_guesses_on_change_password_lock_and_log_out",
            "test_current_password_guesses_on_a_new_phone_share_the_limit",
            "修改密码时连续5次输错原密码",
            "test_without_the_throttle_current_password_guesses_are_unlimited",
        ),
    ),
    Property(
        "安全相关变更后通知本人",
        "ASVS V2.2.3, V2.5.5",
        (
            "test_password_change_sends_a_notice_to_the_reserved_phone",
            "test_phone_change_sends_a_notice_to_the_old_phone",
            "修改密码后预留手机号收到短信通知",
        ),
    ),
    Property(
        "会话空闲超时与绝对时长",
        "ASVS V3.3.1, V3.3.2; 等保 8.1.4.1 b",
        (
            "test_a_session_in_use_ends_after_twelve_hours",
            "test_without_an_absolute_lifetime_the_check_fails",
            "登录满12小时后即使一直在操作也要重新登录",
            "长时间未操作自动退出",
        ),
    ),
    Property(
        "会话凭据属性与退出后失效",
        "ASVS V3.2.1, V3.3.1, V3.4.1-3; 等保 8.1.4.1 d",
        ("会话凭据不能被网页脚本读取", "退出登录后原会话凭据不能再使用"),
    ),
    Property(
        "含个人信息的页面不缓存",
        "ASVS V8.2.1; 等保 8.1.4.11（个人信息保护）",
        (
            "test_personal_pages_say_no_store_and_static_files_may_be_cached",
            "含个人信息的页面不留在浏览器和代理的缓存中",
        ),
    ),
    Property(
        "无 GET 状态变更，跨站提交被拒",
        "ASVS V4.2.2 (CSRF); 等保 8.1.4.1 c",
        ("test_entering_a_system_by_get_changes_nothing_and_post_needs_the_csrf_token", "其他网站伪造的提交被拒绝"),
    ),
    Property(
        "只能访问本账号、本单位的数据",
        "ASVS V4.1.2, V4.2.1; 等保 8.1.4.2",
        ("按编号打开另一单位的人类遗传资源项目被拒绝",),
    ),
    Property(
        "身份证号统一规范化",
        "ASVS V5.1.3 (canonical input); 等保 8.1.4.1 a (唯一标识)",
        (
            "test_id_number_variants_find_the_same_person_in_search_and_appeal",
            "test_with_a_strip_upper_normaliser_the_full_width_variant_fails",
        ),
    ),
    # tests/http: the same properties measured over plain HTTP on any target (--base-url/--target-config);
    # the guard-off proofs (tests/http/test_guards_off.py) run on the in-process mock only.
    Property(
        "HTTP：登录回答耗时不泄露登录名是否存在（统计）",
        "ASVS V2.2.1 (enumeration); 等保 8.1.4.1 a",
        (
            "test_http_login_time_does_not_tell_whether_a_login_name_exists",
            "test_without_the_dummy_hash_the_http_timing_check_fails",
        ),
    ),
    Property(
        "HTTP：并发错误密码不突破锁定上限",
        "ASVS V2.2.1, V11.1.4; 等保 8.1.4.1 b",
        (
            "test_http_parallel_wrong_passwords_stay_within_the_lock_limit",
            "test_without_the_atomic_counter_the_http_parallel_login_check_fails",
        ),
    ),
    Property(
        "HTTP：并发错误短信验证码不突破尝试上限",
        "ASVS V2.7.3, V11.1.4; 等保 8.1.4.1 b",
        (
            "test_http_parallel_wrong_sms_codes_stay_within_the_try_limit",
            "test_without_atomic_code_tries_the_http_parallel_code_check_fails",
        ),
    ),
    Property(
        "HTTP：并发重发短信不突破冷却间隔",
        "ASVS V2.7.3, V11.1.4; 等保 8.1.4.1 b",
        (
            "test_http_parallel_resends_send_one_code_within_the_cooldown",
            "test_without_the_atomic_cooldown_the_http_parallel_resend_check_fails",
        ),
    ),
    Property(
        "HTTP：含个人信息的页面 Cache-Control: no-store",
        "ASVS V8.2.1; 等保 8.1.4.11（个人信息保护）",
        ("test_http_personal_pages_say_no_store", "test_without_no_store_the_http_cache_check_fails"),
    ),
    Property(
        "HTTP：会话 Cookie 为 HttpOnly、SameSite，https 上为 Secure",
        "ASVS V3.4.1-3; 等保 8.1.4.1 d",
        (
            "test_http_session_cookie_is_httponly_samesite_and_secure_on_https",
            "test_with_a_script_readable_session_cookie_the_http_cookie_check_fails",
            "test_without_secure_on_https_the_http_cookie_check_fails",
        ),
    ),
    Property(
        "HTTP：GET 请求不改变状态",
        "ASVS V4.2.2, V14.5.1; 等保 8.1.4.1 c",
        ("test_http_no_state_change_on_get", "test_with_logout_on_get_the_http_get_check_fails"),
    ),
    Property(
        "安全发现：申诉通过后明文短信发送新密码（FAQ 规定）",
        "ASVS V2.5.2/V2.5.6 — 记录为发现",
        ("申诉审核通过后新密码以明文短信发到申诉时填写的手机号",),
    ),
    Property(
        "安全发现：注册页检索可枚举证件号码（FAQ 规定）",
        "ASVS V2.2.1 — 记录为发现",
        ("未登录的任何人都能在注册页检索某个证件号码是否已注册",),
    ),
    Property(
        "安全发现：登录名重置密码可判断登录名是否存在（FAQ 规定）",
        "ASVS V2.2.1 — 记录为发现",
        (
            "登录名重置密码告诉任何人某个登录名是否存在",
            "test_http_finding_reset_lookup_tells_whether_a_login_name_exists",
        ),
    ),
)


EVIDENCE: dict[str, str] = {}  # test name → the evidence it recorded (record_property "evidence", tests/http)


def results(junit: Path) -> dict[str, str]:
    """test name → passed / failed / skipped (every testcase in the file)."""
    found: dict[str, str] = {}
    for case in ET.parse(junit).getroot().iter("testcase"):
        name = case.get("name", "")
        for prop in case.iter("property"):
            if prop.get("name") == "evidence":
                EVIDENCE[name] = prop.get("value", "")
        if case.find("failure") is not None or case.find("error") is not None:
            state = "failed"
        elif case.find("skipped") is not None:
            state = "skipped"
        else:
            state = "passed"
        found[name] = "failed" if found.get(name) == "failed" else state
    return found


def verdict(prop: Property, ran: dict[str, str]) -> tuple[str, str]:
    hits = {name: state for name, state in ran.items() if any(t in name for t in prop.tests)}
    passed = sum(1 for s in hits.values() if s == "passed")
    failed = [n for n, s in hits.items() if s == "failed"]
    missing = [t for t in prop.tests if not any(t in n for n in hits)]
    if failed:
        return "未通过 (fail)", "失败: " + "; ".join(failed[:3])
    if not passed:
        return "未运行 (not run)", "无通过的测试"
    evidence = f"{passed} 项通过"
    measured = [EVIDENCE[n] for n, s in hits.items() if s == "passed" and EVIDENCE.get(n)]
    if measured:
        evidence += "：" + "；".join(measured).replace("|", "\\|")
    if missing:
        evidence += f"；未运行 {len(missing)} 项（{'; '.join(missing[:2])}）"
    return "通过 (pass)", evidence


def table(ran: dict[str, str]) -> tuple[str, bool]:
    rows = ["| 属性 (property) | ASVS / 等保 | 结论 (verdict) | 证据 (evidence) |", "|---|---|---|---|"]
    ok = True
    for prop in PROPERTIES:
        result, evidence = verdict(prop, ran)
        ok &= result.startswith("通过")
        rows.append(f"| {prop.name} | {prop.reference} | {result} | {evidence} |")
    return "\n".join(rows), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit", nargs="+", type=Path)
    parser.add_argument("--markdown", type=Path, default=None)
    args = parser.parse_args(argv)
    ran: dict[str, str] = {}
    for path in args.junit:
        if path.exists():
            ran.update(results(path))
    text, ok = table(ran)
    print(text)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text("# make security\n\n" + text + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
