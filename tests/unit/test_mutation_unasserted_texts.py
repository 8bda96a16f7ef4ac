"""tools/mutation/unasserted_texts.py: the estimate of text mutants no scenario can kill."""

from tools.mutation.unasserted_texts import blind_texts, ending


def test_ending_is_the_words_the_mutant_changes():
    assert ending("密码重置成功，请使用新密码登录") == "新密码登录"[-4:]
    assert ending("验证码已发送至{masked_phone}，10分钟内有效") == "分钟内有效"[-4:]
    assert (
        ending("您的验证码为{code}，10分钟内有效，请勿泄露给他人。") == "露给他人"
    )  # up to the last Chinese character


def test_a_text_is_blind_until_a_feature_asserts_its_ending(tmp_path):
    (tmp_path / "mock_portal" / "messages").mkdir(parents=True)
    (tmp_path / "features").mkdir()
    (tmp_path / "mock_portal" / "messages" / "m.py").write_text(
        '"""说明文字不算。"""\nA = "短信验证码已过期，请重新获取"\nB = "请输入登录名"\n', encoding="utf-8"
    )
    (tmp_path / "features" / "f.feature").write_text('    那么 页面提示错误"请输入登录名"\n', encoding="utf-8")
    total, blind = blind_texts(tmp_path)
    assert total["m.py"] == 2
    assert [(name, line) for name, line, _ in blind] == [("m.py", 2)]
