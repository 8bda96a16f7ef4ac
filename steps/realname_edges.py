"""实名认证 at the edge of its promise (issue 19, FAQ-1.8.2): the 1-2 个工作日 promise a pending review shows is the
one made when *that* review's documents were uploaded, not the one of a later application of the same account."""

import datetime as dt

from playwright.sync_api import expect
from pytest_bdd import then

from pages.my_info_pages import MyInfoPage
from support.data.working_days import add_working_days, chinese_date
from support.gherkin.parsing import phrase


@then(phrase("页面仍承诺{days:整数}天前上传证件时给出的预计办结日期"))
def then_promise_of_upload_day(my_info: MyInfoPage, api, days):
    today = api.today()
    uploaded = today - dt.timedelta(days=int(days))
    expect(my_info.realname_promise).to_contain_text(f"预计{chinese_date(add_working_days(uploaded, 2))}前")
