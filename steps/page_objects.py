"""Page objects as fixtures, so steps ask for the page they act on."""

import pytest

from pages.change_password_page import ChangePasswordPage
from pages.frame import PortalFrame
from pages.login_page import LoginPage


@pytest.fixture
def frame(page) -> PortalFrame:
    return PortalFrame(page)


@pytest.fixture
def login_page(page) -> LoginPage:
    return LoginPage(page)


@pytest.fixture
def change_password_page(page) -> ChangePasswordPage:
    return ChangePasswordPage(page)
