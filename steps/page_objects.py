"""Page objects as fixtures, all in this one place, so steps ask for the page they act on: most on the
scenario's own `page`, a few on an actor's page (support/data/actors.Actors) or on a second browser
context of their own (the back office)."""

import pytest

from pages.admin_pages import AdminLoginPage, AdminQueuePage, AdminReviewPage, BackOffice
from pages.authorization_page import AuthorizationPage
from pages.change_password_page import ChangePasswordPage
from pages.faq_page import FaqPage
from pages.foreign_experts_page import ForeignExpertsPage
from pages.frame import PortalFrame
from pages.hgr_project import HgrProjectPage
from pages.keyboard import KeyboardUser
from pages.login_page import LoginPage
from pages.my_info_pages import MyInfoPage
from pages.outbound_training_page import OutboundTrainingPage
from pages.recovery_appeal_page import AppealPage
from pages.recovery_choice_page import RecoveryChoicePage
from pages.recovery_reset_page import ResetLookupPage, ResetPasswordPage
from pages.registration_page import RegistrationPage
from pages.security_forged_site import ForgedSite
from pages.security_login_attempts import LoginAttempts
from pages.services_page import ServicesPage, SystemLandingPage
from pages.site_footer import SiteFooter
from pages.torch_system_page import TorchSystemPage
from pages.torch_unit_info_page import TorchUnitInfoPage
from pages.unit_grants_page import UnitGrantsPage
from support.data.actors import Actors


# -- the scenario's own page ----------------------------------------------------------------------
@pytest.fixture
def frame(page) -> PortalFrame:
    return PortalFrame(page)


@pytest.fixture
def login_page(page) -> LoginPage:
    return LoginPage(page)


@pytest.fixture
def change_password_page(page) -> ChangePasswordPage:
    return ChangePasswordPage(page)


@pytest.fixture
def hgr_project_page(page) -> HgrProjectPage:
    return HgrProjectPage(page)


@pytest.fixture
def keyboard(page) -> KeyboardUser:
    return KeyboardUser(page)


@pytest.fixture
def faq_page(page) -> FaqPage:
    return FaqPage(page)


@pytest.fixture
def site_footer(page) -> SiteFooter:
    return SiteFooter(page)


@pytest.fixture
def registration_page(page) -> RegistrationPage:
    return RegistrationPage(page)


@pytest.fixture
def my_info(page) -> MyInfoPage:
    return MyInfoPage(page)


@pytest.fixture
def recovery_choice_page(page) -> RecoveryChoicePage:
    return RecoveryChoicePage(page)


@pytest.fixture
def reset_lookup_page(page) -> ResetLookupPage:
    return ResetLookupPage(page)


@pytest.fixture
def reset_password_page(page) -> ResetPasswordPage:
    return ResetPasswordPage(page)


@pytest.fixture
def appeal_page(page) -> AppealPage:
    return AppealPage(page)


@pytest.fixture
def services_page(page) -> ServicesPage:
    return ServicesPage(page)


@pytest.fixture
def landing_page(page) -> SystemLandingPage:
    return SystemLandingPage(page)


@pytest.fixture
def foreign_experts_page(page) -> ForeignExpertsPage:
    return ForeignExpertsPage(page)


@pytest.fixture
def outbound_page(page) -> OutboundTrainingPage:
    return OutboundTrainingPage(page)


@pytest.fixture
def torch_page(page) -> TorchSystemPage:
    return TorchSystemPage(page)


@pytest.fixture
def torch_unit_info_page(page) -> TorchUnitInfoPage:
    return TorchUnitInfoPage(page)


@pytest.fixture
def forged_site(page, target) -> ForgedSite:
    return ForgedSite(page, target.base_url)


@pytest.fixture
def login_attempts(page) -> LoginAttempts:
    return LoginAttempts(page)


# -- an actor's page, or a browser context of its own ---------------------------------------------
@pytest.fixture
def authorization_page(actors: Actors) -> AuthorizationPage:
    return AuthorizationPage(actors.page("法人"))


@pytest.fixture
def unit_grants_page(actors: Actors) -> UnitGrantsPage:
    return UnitGrantsPage(actors.page("自然人"))


@pytest.fixture
def back_office(new_context) -> BackOffice:
    page = new_context().new_page()
    return BackOffice(AdminLoginPage(page), AdminQueuePage(page), AdminReviewPage(page))
